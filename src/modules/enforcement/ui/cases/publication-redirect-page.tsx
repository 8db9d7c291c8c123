// /enforcement/publication/:id (the overdue list's link for a 公示 record): opens the case it belongs to.
import { useEffect, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router-dom';
import { Result, Spin } from 'antd';
import { api } from '../../../../web/api-client';

export default function PublicationRedirectPage() {
  const { id } = useParams();
  const [caseId, setCaseId] = useState<number | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    api
      .get<{ caseId: number }>(`/api/enforcement/publications/${id}`, undefined, { silent: true })
      .then((p) => setCaseId(p.caseId))
      .catch(() => setMissing(true));
  }, [id]);
  if (caseId) return <Navigate to={`/enforcement/cases/${caseId}?tab=publication`} replace />;
  if (missing) return <Result status="404" title="公示记录不存在或无权查看" extra={<Link to="/enforcement/cases">返回执法案件</Link>} />;
  return <Spin />;
}
