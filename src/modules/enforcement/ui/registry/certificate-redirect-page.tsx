// /enforcement/certificates/:id (links from to-dos and the overdue list) opens the holder's page.
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../../web/api-client';
import { attempt } from '../../../../web/kit/error-policy';

export default function CertificateRedirectPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  useEffect(() => {
    void attempt(async () => {
      const res = await api.get<{ record: { officerId: number } }>(`/api/enforcement/certificates/${id}`);
      navigate(`/enforcement/officers/${res.record.officerId}`, { replace: true });
    });
  }, [id, navigate]);
  return null;
}
