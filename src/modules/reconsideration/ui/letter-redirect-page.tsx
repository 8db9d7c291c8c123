// A 意见书 / 建议书 deadline links here; the letter lives on its case's page.
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Spin } from 'antd';
import { api } from '../../../web/api-client';
import { attempt } from '../../../web/kit/error-policy';

export default function LetterRedirectPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  useEffect(() => {
    void attempt(async () => {
      const letter = await api.get<{ caseId: number }>(`/api/reconsideration/letters/${id}`);
      navigate(`/reconsideration/cases/${letter.caseId}`, { replace: true });
    });
  }, [id, navigate]);
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
    </div>
  );
}
