import type { JSX } from 'preact';
import { boundariesOf } from '../../core/boundaries.ts';
import type { CountryCode } from '../../core/ids.ts';
import { messages as t } from '../text.ts';
import { useAtlas } from './atlas.ts';
import { CategoryMark } from './CategoryMark.tsx';
import { Citation } from './share/Citation.tsx';

// Glossary and counting rules (from the dataset configuration), how to cite, credits, licence and the
// boundary policy. Server-rendered, so it reads before any script runs.

export function AboutSection(props: { embed: boolean }): JSX.Element {
  const { doc, countries } = useAtlas();
  const { dataset } = doc;
  const focal = countries.name(dataset.focalCountry);
  const view = boundariesOf(dataset);
  if (props.embed) {
    return (
      <footer class="about about-embed">
        <p class="credit-line">
          {dataset.credits.map((c) => c.name).join(' · ')} ·{' '}
          <a href={dataset.license.url} target="_blank" rel="noopener noreferrer">
            {dataset.license.name}
            <span class="sr-only"> {t.newTab}</span>
          </a>
        </p>
      </footer>
    );
  }
  return (
    <footer class="about">
      <section class="about-block glossary" aria-labelledby="glossary-heading" data-testid="glossary">
        <h2 id="glossary-heading" class="section-title">
          {t.glossaryTitle}
        </h2>
        <dl class="glossary-list">
          {dataset.categories.map((c) => (
            <div key={c.id} class="glossary-item" data-category={c.id}>
              <dt>
                <CategoryMark category={c.id} /> {c.label}
              </dt>
              <dd>
                {c.description ? <p>{c.description}</p> : null}
                <p class="hint">{t.countRule(c.count, c.label)}</p>
              </dd>
            </div>
          ))}
        </dl>
        <p class="hint">{t.partnersRule(focal)}</p>
        <p class="hint">{t.filtersRule}</p>
      </section>
      <section class="about-block" aria-labelledby="cite-heading" data-testid="cite">
        <h2 id="cite-heading" class="section-title">
          {t.citeTitle}
        </h2>
        <Citation testid="citation" />
      </section>
      <section class="about-block" aria-labelledby="credits-heading" data-testid="credits">
        <h2 id="credits-heading" class="section-title">
          {t.creditsTitle}
        </h2>
        <ul class="credits">
          {dataset.credits.map((c) => (
            <li key={`${c.role}|${c.name}`}>
              <span class="muted">{c.role}: </span>
              {c.url ? (
                <a href={c.url} target="_blank" rel="noopener noreferrer">
                  {c.name}
                  <span class="sr-only"> {t.newTab}</span>
                </a>
              ) : (
                c.name
              )}
            </li>
          ))}
        </ul>
        <p>
          {t.licence(dataset.license.name)}{' '}
          <a href={dataset.license.url} target="_blank" rel="noopener noreferrer" data-testid="licence-link">
            {dataset.license.url.replace(/^https?:\/\//, '')}
            <span class="sr-only"> {t.newTab}</span>
          </a>
        </p>
        {dataset.sourceUrl ? (
          <p>
            <a href={dataset.sourceUrl} target="_blank" rel="noopener noreferrer">
              {t.sourceLink}
              <span class="sr-only"> {t.newTab}</span>
            </a>
          </p>
        ) : null}
        <p class="hint">{t.geometryCredit}</p>
      </section>
      <section
        class="about-block"
        aria-labelledby="boundary-heading"
        data-testid="boundary-note"
        data-boundaries={view}
      >
        <h2 id="boundary-heading" class="section-title">
          {t.boundaryTitle}
        </h2>
        <p class="hint">
          {t.boundaryView(view, view === 'de-facto' ? '' : countries.name(view as CountryCode))}
        </p>
        <p class="hint">{t.boundaryNote}</p>
      </section>
    </footer>
  );
}
