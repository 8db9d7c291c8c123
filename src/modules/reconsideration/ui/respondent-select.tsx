// Any unit may be a respondent (被申请人), not only those in the user's scope: the list comes from the
// portal's unit list (names only).
import { useEffect, useState } from 'react';
import { TreeSelect, type TreeSelectProps } from 'antd';
import { api } from '../../../web/api-client';
import { cached } from '../../../web/kit/cache';
import { buildOrgTree, type OrgItem } from '../../../web/kit/org-tree-select';

interface PortalOrgs {
  bodies: OrgItem[];
  respondents: OrgItem[];
}

export const loadPortalOrgs = (): Promise<PortalOrgs> => cached('reconsideration:portal-orgs', () => api.get<PortalOrgs>('/api/public/reconsideration/orgs'));

export function RespondentSelect(props: TreeSelectProps & { 'data-testid'?: string; which?: 'bodies' | 'respondents' }) {
  const { which = 'respondents', ...rest } = props;
  const [orgs, setOrgs] = useState<OrgItem[]>([]);
  useEffect(() => {
    let live = true;
    void loadPortalOrgs()
      .then((o) => live && setOrgs(o[which]))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [which]);
  return <TreeSelect showSearch={{ treeNodeFilterProp: 'title' }} treeData={buildOrgTree(orgs)} treeDefaultExpandAll={which === 'bodies'} {...rest} />;
}
