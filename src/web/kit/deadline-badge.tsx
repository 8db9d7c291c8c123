import { Space, Tag, Tooltip } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { DEADLINE_TONE_LABELS, PERIOD_UNIT_LABELS, type DeadlineTone, type DeadlineView } from '../../kernel/shared/deadline';

const TONE_COLORS: Record<DeadlineTone, string | undefined> = {
  green: 'green',
  yellow: 'gold',
  red: 'red',
  paused: undefined,
  done: undefined,
};

/** A full DeadlineView, or the shorter deadline rows of GET /api/home. */
export type DeadlineLike = Pick<DeadlineView, 'label' | 'tone' | 'dueDate' | 'remainingWorkingDays'> & Partial<DeadlineView>;

/** The badge text: 剩余3个工作日 · 2026-12-01 / 今日到期 · … / 逾期2个工作日 / 已暂停 / 已结束. */
export const deadlineText = (d: DeadlineLike): string => {
  const due = d.dueDate ? ` · ${d.dueDate}` : '';
  if (d.tone === 'done' || d.status === 'stopped') return `已结束${d.stoppedOn ? ` · ${d.stoppedOn}` : ''}`;
  if (d.tone === 'paused' || d.status === 'paused') {
    return d.remainingWorkingDays !== null && d.remainingWorkingDays !== undefined ? `已暂停 · 剩余${d.remainingWorkingDays}个工作日` : '已暂停';
  }
  const r = d.remainingWorkingDays;
  if (r === null || r === undefined) return d.dueDate ?? DEADLINE_TONE_LABELS[d.tone];
  if (r < 0) return `逾期${-r}个工作日`;
  if (r === 0) return `今日到期${due}`;
  return `剩余${r}个工作日${due}`;
};

function DeadlineTooltip({ d }: { d: DeadlineLike }) {
  return (
    <div style={{ lineHeight: 1.7 }}>
      <div>
        <strong>{d.label}</strong>（{DEADLINE_TONE_LABELS[d.tone]}）
      </div>
      {d.basis ? <div>依据：{d.basis}</div> : null}
      {d.unit === 'fixed_date' ? (
        <div>交办限期{d.startDate ? `，${d.startDate} 交办` : ''}</div>
      ) : d.period !== undefined && d.unit ? (
        <div>
          期限：{d.period}
          {PERIOD_UNIT_LABELS[d.unit]}
          {d.startDate ? `，自 ${d.startDate} 起算` : ''}
        </div>
      ) : null}
      {d.dueDate ? <div>到期日：{d.dueDate}</div> : null}
      {d.extensionDays ? <div>已延长：{d.extensionDays}{d.unit === 'working_day' ? '个工作日' : '日'}</div> : null}
      {d.excludedDays ? <div>不计入期限（暂停）：{d.excludedDays}日</div> : null}
      {d.stoppedOn ? <div>结束于：{d.stoppedOn}</div> : null}
      {d.missingYears && d.missingYears.length > 0 ? <div>⚠ {d.missingYears.join('、')}年度节假日数据未维护，按普通周末计算</div> : null}
    </div>
  );
}

/** A statutory deadline as a coloured tag with its legal basis in a tooltip. */
export function DeadlineBadge({ deadline, showLabel = false, testId = true }: { deadline: DeadlineLike | null | undefined; showLabel?: boolean; testId?: boolean }) {
  if (!deadline) return <span style={{ color: '#999' }}>—</span>;
  const d = deadline;
  const key = d.clockKey ?? (d.clockId !== undefined ? String(d.clockId) : 'clock');
  const missing = d.missingYears && d.missingYears.length > 0;
  return (
    <Tooltip title={<DeadlineTooltip d={d} />}>
      <Space size={4} style={{ whiteSpace: 'nowrap' }}>
        <Tag color={TONE_COLORS[d.tone]} data-testid={testId ? `deadline-${key}` : undefined} data-tone={d.tone} style={{ marginInlineEnd: 0 }}>
          {showLabel ? `${d.label}：` : ''}
          {deadlineText(d)}
        </Tag>
        {missing ? (
          <Tooltip title="该年度节假日数据未维护">
            <WarningOutlined style={{ color: '#faad14' }} aria-label="该年度节假日数据未维护" data-testid={testId ? `deadline-${key}-missing-years` : undefined} />
          </Tooltip>
        ) : null}
      </Space>
    </Tooltip>
  );
}
