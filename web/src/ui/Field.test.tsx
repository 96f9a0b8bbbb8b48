import { cleanup, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { Field } from './Field.tsx';

afterEach(cleanup);

describe('a form field', () => {
  it('labels its control and ties hint and error to it for screen readers', () => {
    render(() => (
      <Field label="Dose" hint="e.g. 500 mg" error="Enter the dose.">
        {(c) => <input {...c} />}
      </Field>
    ));
    const input = screen.getByLabelText('Dose');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = input
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['e.g. 500 mg', 'Enter the dose.']);
  });

  it('is plain when valid', () => {
    render(() => <Field label="Dose">{(c) => <input {...c} />}</Field>);
    expect(screen.getByLabelText('Dose').getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByLabelText('Dose').hasAttribute('aria-describedby')).toBe(false);
  });
});
