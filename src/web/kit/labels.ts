// Kernel value lists the browser shows (the server's schema is not importable from browser code).

export const ORG_KINDS = [
  { value: 'city', label: '市' },
  { value: 'county', label: '县（区）' },
  { value: 'town', label: '乡镇（街道）' },
  { value: 'village', label: '村（社区）' },
  { value: 'department', label: '部门' },
  { value: 'justice_bureau', label: '司法局' },
  { value: 'justice_office', label: '司法所' },
  { value: 'committee', label: '依法治市（县）委员会' },
  { value: 'committee_office', label: '委员会办公室' },
  { value: 'coordination_group', label: '协调小组' },
  { value: 'mediation_committee', label: '人民调解委员会' },
  { value: 'legal_aid_center', label: '法律援助中心' },
  { value: 'notary_office', label: '公证处' },
  { value: 'other', label: '其他' },
] as const;

export const DATA_SCOPES = [
  { value: 'own', label: '本人' },
  { value: 'unit', label: '本单位' },
  { value: 'unit_and_below', label: '本单位及下级' },
  { value: 'jurisdiction', label: '本辖区' },
  { value: 'all', label: '全部' },
] as const;

export const ADMIN_KIND_LABELS: Record<string, string> = {
  system: '系统管理员',
  security: '安全管理员',
  audit: '审计管理员',
};
