// Loads one record for a detail page: null while loading, `missing` when the server answers 404 (absent or
// outside the reader's data scope — both look the same), other errors through the error policy.
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api-client';
import { handleError } from './error-policy';

export function useRecord<T>(url: string): { record: T | null; missing: boolean; reload: () => Promise<void> } {
  const [record, setRecord] = useState<T | null>(null);
  const [missing, setMissing] = useState(false);
  const reload = useCallback(async () => {
    try {
      setRecord(await api.get<T>(url, undefined, { silent: true }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'NOT_FOUND') setMissing(true);
      else handleError(e);
    }
  }, [url]);
  useEffect(() => {
    setRecord(null);
    setMissing(false);
    void reload();
  }, [reload]);
  return { record, missing, reload };
}
