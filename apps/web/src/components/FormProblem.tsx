import type { ReactNode, Ref } from 'react';
import { Notification } from './Notification';

interface FormProblemProps {
  title: string;
  children: ReactNode;
  /** The form moves focus here when the server refuses what was sent. */
  ref?: Ref<HTMLDivElement>;
}

/** Why the server refused a form: announced at once, and focusable. */
export function FormProblem({ title, children, ref }: FormProblemProps) {
  return (
    <div role="alert" tabIndex={-1} ref={ref} className="focus-target">
      <Notification severity="negative" title={title}>
        {children}
      </Notification>
    </div>
  );
}
