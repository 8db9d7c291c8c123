// 评分 tab: pick an item, then enter each unit's score (or the 民主测评 counts, scored by the formula
// shown); automatic items show the computed values. Saving sends only changed rows with their versions.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Input, InputNumber, Radio, Space, Table, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { api } from '../../../web/api-client';
import { attempt } from '../../../web/kit/error-policy';
import { DEMOCRATIC_FORMULA, democraticScore } from '../options';
import type { ScoreGrid } from './types';

interface Draft {
  score?: number | null;
  satisfied?: number | null;
  basicallySatisfied?: number | null;
  dissatisfied?: number | null;
  note?: string | null;
}

export function SchemeScoringTab({ schemeId, reloadKey, onSaved }: { schemeId: number; reloadKey: number; onSaved: () => void }) {
  const [grid, setGrid] = useState<ScoreGrid | null>(null);
  const [itemId, setItemId] = useState<number | null>(null);
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  const [saving, setSaving] = useState(false);
  const load = useCallback(async () => {
    await attempt(async () => {
      const g = await api.get<ScoreGrid>(`/api/assessment/schemes/${schemeId}/scores`);
      setGrid(g);
      setItemId((cur) => cur ?? g.items[0]?.id ?? null);
      setDrafts({});
    });
  }, [schemeId]);
  useEffect(() => {
    void load();
  }, [load, reloadKey]);
  const item = grid?.items.find((i) => i.id === itemId);
  const scoreOf = useMemo(() => new Map((grid?.scores ?? []).filter((s) => s.itemId === itemId).map((s) => [s.orgId, s])), [grid, itemId]);
  if (!grid) return null;
  const editable = grid.scheme.status === 'published' && item && item.scorer !== 'auto';
  const set = (orgId: number, patch: Draft) => setDrafts((d) => ({ ...d, [orgId]: { ...d[orgId], ...patch } }));
  const save = async () => {
    if (!item) return;
    const entries = Object.entries(drafts).map(([org, d]) => {
      const existing = scoreOf.get(Number(org));
      const base = { itemId: item.id, orgId: Number(org), note: d.note ?? existing?.note ?? null, evidence: existing?.evidence ?? null, ...(existing ? { version: existing.version } : {}) };
      if (item.scorer === 'democratic') {
        return {
          ...base,
          satisfied: d.satisfied ?? existing?.satisfied ?? null,
          basicallySatisfied: d.basicallySatisfied ?? existing?.basicallySatisfied ?? null,
          dissatisfied: d.dissatisfied ?? existing?.dissatisfied ?? null,
        };
      }
      const score = d.score !== undefined ? d.score : existing?.score;
      return { ...base, score: score === null || score === undefined ? null : String(score) };
    });
    if (entries.length === 0) return;
    setSaving(true);
    const ok = await attempt(() => api.put(`/api/assessment/schemes/${schemeId}/scores`, { entries }));
    setSaving(false);
    if (ok !== undefined) {
      onSaved();
      await load();
    }
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Radio.Group
        optionType="button"
        value={itemId ?? undefined}
        onChange={(e) => {
          setItemId(Number(e.target.value));
          setDrafts({});
        }}
        options={grid.items.map((i) => ({ value: i.id, label: `${i.sortOrder}. ${i.name}（${i.maxScore}）` }))}
        data-testid="score-item-picker"
        style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }}
      />
      {item?.rule ? <Typography.Text type="secondary">评分细则：{item.rule}</Typography.Text> : null}
      {item?.scorer === 'democratic' ? <Alert type="info" showIcon title={`民主测评计分公式：${DEMOCRATIC_FORMULA}`} data-testid="democratic-formula" /> : null}
      {item?.scorer === 'auto' ? <Alert type="info" showIcon title={`自动取数项目：得分由统计项 ${item.statisticId} 计算，请点击上方“自动取数”。`} /> : null}
      {grid.scheme.status !== 'published' ? <Alert type="warning" showIcon title={grid.scheme.status === 'draft' ? '方案发布后才能评分' : '方案已定稿，评分不能再修改'} /> : null}
      <Table
        size="small"
        rowKey="orgId"
        pagination={false}
        dataSource={grid.targets}
        data-testid="score-grid"
        columns={[
          { title: '被考核单位', dataIndex: 'orgName', width: 220 },
          ...(item?.scorer === 'democratic'
            ? (['satisfied', 'basicallySatisfied', 'dissatisfied'] as const).map((k) => ({
                title: { satisfied: '满意', basicallySatisfied: '基本满意', dissatisfied: '不满意' }[k],
                width: 110,
                render: (_: unknown, t: { orgId: number }) => (
                  <InputNumber
                    min={0}
                    precision={0}
                    disabled={!editable}
                    value={drafts[t.orgId]?.[k] !== undefined ? drafts[t.orgId]![k] : (scoreOf.get(t.orgId)?.[k] ?? null)}
                    onChange={(v) => set(t.orgId, { [k]: v })}
                    data-testid={`count-${k}-${t.orgId}`}
                  />
                ),
              }))
            : []),
          {
            title: `得分（满分 ${item?.maxScore ?? ''}）`,
            width: 150,
            render: (_: unknown, t: { orgId: number }) => {
              const existing = scoreOf.get(t.orgId);
              if (item?.scorer === 'democratic') {
                const d = { ...existing, ...drafts[t.orgId] };
                const n = [d.satisfied, d.basicallySatisfied, d.dissatisfied];
                return n.every((x) => typeof x === 'number') ? democraticScore(item.maxScore, n[0]!, n[1]!, n[2]!) : (existing?.score ?? '—');
              }
              if (!editable) return existing?.score ?? '—';
              return (
                <InputNumber
                  min={0}
                  max={item?.maxScore}
                  precision={2}
                  value={drafts[t.orgId]?.score !== undefined ? drafts[t.orgId]!.score : (existing?.score ?? null)}
                  onChange={(v) => set(t.orgId, { score: v })}
                  data-testid={`score-input-${t.orgId}`}
                />
              );
            },
          },
          {
            title: '评分说明',
            render: (_: unknown, t: { orgId: number }) =>
              editable ? (
                <Input
                  maxLength={2000}
                  value={drafts[t.orgId]?.note !== undefined ? (drafts[t.orgId]!.note ?? '') : (scoreOf.get(t.orgId)?.note ?? '')}
                  onChange={(e) => set(t.orgId, { note: e.target.value })}
                />
              ) : (
                <Typography.Text type="secondary">{scoreOf.get(t.orgId)?.note ?? ''}</Typography.Text>
              ),
          },
        ]}
      />
      {editable ? (
        <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={Object.keys(drafts).length === 0} onClick={() => void save()} data-testid="scores-save">
          保存评分
        </Button>
      ) : null}
    </Space>
  );
}
