import { Fragment, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/** Vanilla's code snippet with a Copy button; copy failures say what to do instead. */
export function CodeSnippet({ title, code }: { title: string; code: string }) {
  const [copyState, setCopyState] = useState<CopyState>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  }

  return (
    <div className="p-code-snippet">
      <div className="p-code-snippet__header">
        <h3 className="p-code-snippet__title">{title}</h3>
        <div className="copy-action">
          <button
            type="button"
            className="p-button is-small u-no-margin--bottom"
            onClick={() => void copy()}
            aria-label={`Copy: ${title}`}
          >
            Copy
          </button>
          <span role="status" className="copy-action__result">
            {copyState === 'copied' && 'Copied.'}
            {copyState === 'failed' &&
              'Copying is not allowed here: select the command and copy it by hand.'}
          </span>
        </div>
      </div>
      <pre className="p-code-snippet__block--icon is-wrapped">
        <code>
          {code.split(' ').map((word, index) => (
            // Lines wrap between words only: never inside "--secrets-mount".
            <Fragment key={index}>
              {index > 0 && ' '}
              <span className="nowrap">{word}</span>
            </Fragment>
          ))}
        </code>
      </pre>
    </div>
  );
}
