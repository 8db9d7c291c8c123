// The frame of every record detail page: header (title, status, deadlines, transition buttons) and
// tabs 基本信息 / 办理过程 / 附件 / 操作记录.
import { useEffect, useState, type ReactNode } from 'react';
import { Card, Empty, Flex, Space, Table, Tabs, Timeline, Typography } from 'antd';
import type { DeadlineView } from '../../kernel/shared/deadline';
import type { MachineDef } from '../../kernel/shared/define-machine';
import { api } from '../api-client';
import { AttachmentPanel } from './attachment-panel';
import { DeadlineBadge } from './deadline-badge';
import { attempt } from './error-policy';
import { fieldDisplay } from './field-items';
import { formatDateTime } from './format';
import { StatusTag, stateLabel } from './status-tag';
import { TransitionButtons, type TransitionView } from './transition-buttons';

export interface HistoryItem {
  id: number;
  transition: string | null;
  fromState: string | null;
  toState: string;
  actorName: string | null;
  at: string;
  reason?: string | null;
  data?: Record<string, unknown> | null;
}

export interface ActivityItem {
  seq?: number;
  at: string;
  actorName: string | null;
  action: string;
  reason?: string | null;
}

interface Props {
  title: ReactNode;
  subtitle?: ReactNode;
  machine: MachineDef;
  status: string;
  version: number;
  transitions: readonly TransitionView[];
  transitionUrl: (name: string) => string;
  onTransitioned: (result: unknown) => void;
  deadlines: readonly DeadlineView[];
  history: readonly HistoryItem[];
  /** 基本信息 tab content. */
  children: ReactNode;
  /** Extra header actions (e.g. a document download). */
  extra?: ReactNode;
  attachments?: { ownerType: string; ownerId: number | string; canUpload?: boolean };
  /** GET URL of 操作记录. */
  activityUrl?: string;
  /** The creation step shown first in 办理过程 (the history has transitions only). */
  created?: CreatedStep;
  /** Chinese names of the module's own audit actions (e.g. 'request.register' → 登记申请). */
  activityLabels?: Record<string, string>;
  /** More tabs, shown before 操作记录 (e.g. 全过程记录, 公示). */
  extraTabs?: { key: string; label: ReactNode; children: ReactNode }[];
}

/** The record's creation, shown as the first step of 办理过程. */
export interface CreatedStep {
  at: string;
  label?: string;
  actorName?: string | null;
}

const TONE_DOT: Record<string, string> = { success: 'green', error: 'red', warning: 'orange', default: 'gray', processing: 'blue' };

/** One step of 办理过程: time, what was done, from → to, who, and the inputs given. */
function Step({ at, title, states, actor, children }: { at: string; title: string; states: string; actor: string | null | undefined; children?: ReactNode }) {
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(at)}
      </Typography.Text>
      <div>
        <Space wrap size={8}>
          <Typography.Text strong>{title}</Typography.Text>
          <Typography.Text type="secondary">{states}</Typography.Text>
          <Typography.Text>{actor ?? ''}</Typography.Text>
        </Space>
      </div>
      {children}
    </div>
  );
}

function HistoryTimeline({ machine, history, created }: { machine: MachineDef; history: readonly HistoryItem[]; created?: CreatedStep }) {
  if (history.length === 0 && !created) return <Empty description="暂无办理记录" />;
  const items = history.map((h) => {
    const def = h.transition ? machine.transitions[h.transition] : undefined;
    const data = Object.entries(h.data ?? {}).filter(([k, v]) => v !== null && v !== undefined && v !== '' && k !== 'reason');
    return {
      key: String(h.id),
      color: TONE_DOT[machine.states[h.toState]?.tone ?? 'processing'],
      content: (
        <Step
          at={h.at}
          title={def?.label ?? h.transition ?? '登记'}
          states={`${h.fromState ? `${stateLabel(machine, h.fromState)} → ` : ''}${stateLabel(machine, h.toState)}`}
          actor={h.actorName}
        >
          {h.reason ? <div>理由：{h.reason}</div> : null}
          {data.map(([k, v]) => {
            const f = def?.fields?.find((x) => x.name === k);
            return (
              <div key={k} style={{ color: '#555', whiteSpace: 'pre-wrap' }}>
                {f?.label ?? k}：{fieldDisplay(f, v)}
              </div>
            );
          })}
        </Step>
      ),
    };
  });
  if (created) {
    items.unshift({
      key: 'created',
      color: 'blue',
      content: <Step at={created.at} title={created.label ?? '登记'} states={`→ ${stateLabel(machine, machine.initial)}`} actor={created.actorName} />,
    });
  }
  return <Timeline data-testid="history-timeline" items={items} />;
}

const KERNEL_ACTIONS: Record<string, string> = {
  'attachment.upload': '上传附件',
  'attachment.download': '下载附件',
};

/** The Chinese name of an audit action: `transition.<name>` by the machine, others by the maps. */
const actionText = (action: string, machine: MachineDef, labels: Record<string, string> | undefined): string => {
  if (action.startsWith('transition.')) return machine.transitions[action.slice('transition.'.length)]?.label ?? action;
  return labels?.[action] ?? KERNEL_ACTIONS[action] ?? action;
};

function ActivityList({ url, machine, labels }: { url: string; machine: MachineDef; labels?: Record<string, string> }) {
  const [items, setItems] = useState<ActivityItem[] | null>(null);
  useEffect(() => {
    let live = true;
    void attempt(async () => {
      const res = await api.get<{ items: ActivityItem[] }>(url);
      if (live) setItems(res.items ?? []);
    });
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <Table<ActivityItem>
      size="small"
      loading={items === null}
      dataSource={items ?? []}
      rowKey={(r) => (r.seq !== undefined ? String(r.seq) : `${r.at}-${r.action}-${r.actorName ?? ''}`)}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: '暂无操作记录' }}
      columns={[
        { title: '时间', dataIndex: 'at', width: 180, render: (v: string) => formatDateTime(v) },
        { title: '操作人', dataIndex: 'actorName', width: 140 },
        { title: '操作', dataIndex: 'action', render: (v: string) => actionText(v, machine, labels) },
        { title: '说明', dataIndex: 'reason', render: (v: string | null) => v ?? '' },
      ]}
    />
  );
}

export function RecordDetailShell(props: Props) {
  const { machine, status, deadlines } = props;
  const [tab, setTab] = useState('info');
  // The open deadlines; when all have ended, the machine's first-declared (main) clock.
  const running = deadlines.filter((d) => d.status !== 'stopped');
  const clockOrder = Object.keys(machine.clocks);
  const main = [...deadlines].sort((a, b) => clockOrder.indexOf(a.clockKey) - clockOrder.indexOf(b.clockKey))[0];
  const shown = running.length > 0 ? running : main ? [main] : [];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="start" wrap gap={16}>
          <Space orientation="vertical" size={8}>
            <Space size={12} wrap>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {props.title}
              </Typography.Title>
              <StatusTag machine={machine} state={status} />
            </Space>
            {props.subtitle ? <Typography.Text type="secondary">{props.subtitle}</Typography.Text> : null}
            {shown.length > 0 ? (
              <Space wrap size={12}>
                {shown.map((d) => (
                  <Space key={d.clockKey} size={4}>
                    <Typography.Text type="secondary">{d.label}</Typography.Text>
                    <DeadlineBadge deadline={d} />
                  </Space>
                ))}
              </Space>
            ) : null}
          </Space>
          <Space wrap>
            {props.extra}
            <TransitionButtons machine={machine} transitions={props.transitions} version={props.version} url={props.transitionUrl} onDone={props.onTransitioned} />
          </Space>
        </Flex>
      </Card>
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'info', label: '基本信息', children: props.children },
            {
              key: 'history',
              label: '办理过程',
              children: (
                <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                  {deadlines.length > 0 ? (
                    <Table<DeadlineView>
                      size="small"
                      rowKey="clockKey"
                      pagination={false}
                      dataSource={[...deadlines]}
                      columns={[
                        { title: '期限', dataIndex: 'label', width: 160 },
                        { title: '状态', render: (_: unknown, d) => <DeadlineBadge deadline={d} testId={false} /> },
                        { title: '起算日', dataIndex: 'startDate', width: 120 },
                        { title: '到期日', dataIndex: 'dueDate', width: 120 },
                        { title: '依据', dataIndex: 'basis' },
                      ]}
                    />
                  ) : null}
                  <HistoryTimeline machine={machine} history={props.history} created={props.created} />
                </Space>
              ),
            },
            ...(props.attachments
              ? [
                  {
                    key: 'attachments',
                    label: '附件',
                    children: <AttachmentPanel ownerType={props.attachments.ownerType} ownerId={props.attachments.ownerId} canUpload={props.attachments.canUpload} />,
                  },
                ]
              : []),
            ...(props.extraTabs ?? []),
            ...(props.activityUrl ? [{ key: 'activity', label: '操作记录', children: tab === 'activity' ? <ActivityList url={props.activityUrl} machine={machine} labels={props.activityLabels} /> : null }] : []),
          ]}
        />
      </Card>
    </Space>
  );
}
