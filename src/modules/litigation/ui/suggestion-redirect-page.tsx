// /litigation/suggestions/:id (the link of its deadline and to-do): opens the case the 司法建议 belongs to.
import { useEffect, useState } from 'react';
import { Navigate, useParams } from 'react-router-dom';
import { Result, Spin } from 'antd';
import { api } from '../../../web/api-client';

export default function SuggestionRedirectPage() {
  const { id } = useParams();
  const [caseId, setCaseId] = useState<number | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    api
      .get<{ caseId: number }>(`/api/litigation/suggestions/${id}`, undefined, { silent: true })
      .then((s) => setCaseId(s.caseId))
      .catch(() => setMissing(true));
  }, [id]);
  if (missing) return <Result status="404" title="司法建议不存在或无权查看" />;
  if (caseId) return <Navigate to={`/litigation/cases/${caseId}`} replace />;
  return <Spin />;
}
