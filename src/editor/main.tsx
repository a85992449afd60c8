import { render } from 'preact';
import { EditorApp } from './EditorApp.tsx';
import './editor.css';

// The researchers' editor: served by the server at /editor/ (never baked), talking to the editor API.

const root = document.getElementById('editor');
if (root) render(<EditorApp />, root);
