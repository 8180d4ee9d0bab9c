import { useNotify, useRedirect } from 'react-admin';

/** After a create or an edit: say so in words, and go back to the list. */
export function usePatternSaved() {
  const notify = useNotify();
  const redirect = useRedirect();
  return {
    onSuccess: () => {
      notify('Pattern saved', { type: 'success' });
      redirect('list', 'patterns');
    },
  };
}
