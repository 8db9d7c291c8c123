// 节假日: a year's 法定节假日 (red) and 调休上班日 (blue) on a 12-month grid; click a day to change it.
import { useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Modal, Popconfirm, Radio, Row, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { daysInMonth, weekday } from '../../../kernel/shared/local-date';
import { api } from '../../api-client';
import { attempt } from '../../kit/error-policy';
import { todayLocal } from '../../kit/format';

interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  source: 'seed' | 'admin';
}

interface CalendarData {
  year: number;
  covered: boolean;
  coveredYears: number[];
  days: CalendarDay[];
}

type DayKind = 'holiday' | 'workday' | 'normal';

const WEEK_HEAD = ['一', '二', '三', '四', '五', '六', '日'];
const pad = (n: number) => String(n).padStart(2, '0');

const cellStyle = (kind: DayKind | 'weekend', today: boolean): CSSProperties => {
  const base: CSSProperties = {
    height: 30,
    lineHeight: '30px',
    textAlign: 'center',
    cursor: 'pointer',
    borderRadius: 4,
    fontSize: 13,
    position: 'relative',
    outline: today ? '2px solid #1557a6' : undefined,
    outlineOffset: -2,
  };
  if (kind === 'holiday') return { ...base, background: '#fff1f0', color: '#cf1322', fontWeight: 600 };
  if (kind === 'workday') return { ...base, background: '#e6f4ff', color: '#0958d9', fontWeight: 600 };
  if (kind === 'weekend') return { ...base, color: '#999' };
  return base;
};

function MonthGrid({ year, month, days, today, onPick }: { year: number; month: number; days: Map<string, CalendarDay>; today: string; onPick: (date: string) => void }) {
  const count = daysInMonth(year, month);
  const first = `${year}-${pad(month)}-01`;
  const lead = (weekday(first) + 6) % 7; // Monday first
  const cells: (string | null)[] = [...Array.from({ length: lead }, () => null), ...Array.from({ length: count }, (_, i) => `${year}-${pad(month)}-${pad(i + 1)}`)];
  return (
    <Card size="small" title={`${month}月`} styles={{ body: { padding: 8 } }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
        {WEEK_HEAD.map((w, i) => (
          <div key={w} style={{ textAlign: 'center', fontSize: 12, color: i >= 5 ? '#cf1322' : '#666' }}>
            {w}
          </div>
        ))}
        {cells.map((date, i) => {
          if (!date) return <div key={`blank-${i}`} />;
          const special = days.get(date);
          const wd = weekday(date);
          const kind: DayKind | 'weekend' = special ? special.kind : wd === 0 || wd === 6 ? 'weekend' : 'normal';
          const cell = (
            <div
              key={date}
              role="button"
              tabIndex={0}
              style={cellStyle(kind, date === today)}
              onClick={() => onPick(date)}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onPick(date)}
              data-testid={`day-${date}`}
              data-kind={special?.kind ?? (kind === 'weekend' ? 'weekend' : 'normal')}
            >
              {Number(date.slice(8))}
              {special ? <span style={{ position: 'absolute', top: -2, right: 2, fontSize: 9 }}>{special.kind === 'holiday' ? '休' : '班'}</span> : null}
            </div>
          );
          return special ? (
            <Tooltip key={date} title={`${special.name}（${special.kind === 'holiday' ? '法定节假日' : '调休上班日'}${special.source === 'admin' ? '，人工维护' : ''}）`}>
              {cell}
            </Tooltip>
          ) : (
            cell
          );
        })}
      </div>
    </Card>
  );
}

function DayModal({ date, current, onClose, onSaved }: { date: string; current: CalendarDay | undefined; onClose: () => void; onSaved: (recomputed: number) => void }) {
  const [form] = Form.useForm<{ kind: DayKind; name: string }>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);
  const wd = weekday(date);
  const save = async (v: { kind: DayKind; name?: string }) => {
    setSaving(true);
    try {
      const res = await api.put<{ recomputed: number }>(`/api/system/calendar/days/${date}`, { kind: v.kind, name: v.kind === 'normal' ? '' : (v.name ?? '').trim() }, { form });
      onSaved(res?.recomputed ?? 0);
    } catch {
      // Shown on the form.
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={`${date}（星期${'日一二三四五六'[wd]}）`} onCancel={onClose} footer={null} destroyOnHidden width={460}>
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ kind: current?.kind ?? (wd === 0 || wd === 6 ? 'workday' : 'holiday'), name: current?.name ?? '' }}>
        <Typography.Paragraph type="secondary">
          当前：{current ? `${current.kind === 'holiday' ? '法定节假日' : '调休上班日'}（${current.name}）` : wd === 0 || wd === 6 ? '周末休息日' : '工作日'}
        </Typography.Paragraph>
        <Form.Item name="kind" label="设置为">
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'holiday', label: '法定节假日' },
              { value: 'workday', label: '调休上班日' },
              { value: 'normal', label: '恢复常规' },
            ]}
            data-testid="day-kind"
          />
        </Form.Item>
        {kind !== 'normal' ? (
          <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称，如“国庆节”' }]}>
            <Input autoFocus maxLength={30} placeholder="如：国庆节、春节调休" data-testid="day-name" />
          </Form.Item>
        ) : null}
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="day-save">
            保存
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

export default function CalendarPage() {
  const { message } = App.useApp();
  const today = todayLocal();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [data, setData] = useState<CalendarData | null>(null);
  const [loading, setLoading] = useState(true);
  const [picked, setPicked] = useState<string | null>(null);
  const [recomputed, setRecomputed] = useState<number | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    await attempt(async () => setData(await api.get<CalendarData>('/api/system/calendar', { year })));
    setLoading(false);
  }, [year]);

  useEffect(() => {
    void load();
  }, [load]);

  const days = useMemo(() => new Map((data?.days ?? []).map((d) => [d.date, d])), [data]);
  const holidays = data?.days.filter((d) => d.kind === 'holiday').length ?? 0;
  const workdays = data?.days.filter((d) => d.kind === 'workday').length ?? 0;

  const changed = (n: number) => {
    setRecomputed(n);
    message.success(`已保存，重新计算了 ${n} 个未结期限`);
    void load();
  };

  const setCovered = async (covered: boolean) => {
    await attempt(async () => {
      const res = await api.put<{ recomputed: number }>(`/api/system/calendar/years/${year}`, { covered });
      changed(res?.recomputed ?? 0);
    });
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            节假日
          </Typography.Title>
          <Button icon={<LeftOutlined />} onClick={() => setYear((y) => y - 1)} aria-label="上一年" />
          <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} data-testid="calendar-year" />
          <Button icon={<RightOutlined />} onClick={() => setYear((y) => y + 1)} aria-label="下一年" />
          {data ? (
            data.covered ? (
              <Tag color="green" data-testid="calendar-covered">
                {year}年已维护
              </Tag>
            ) : (
              <Tag color="orange" data-testid="calendar-covered">
                {year}年未维护
              </Tag>
            )
          ) : null}
        </Space>
        <Space wrap>
          <Tag color="red">休 法定节假日 {holidays} 天</Tag>
          <Tag color="blue">班 调休上班日 {workdays} 天</Tag>
          {data && !data.covered ? (
            <Popconfirm title={`确认${year}年的节假日与调休安排已按国务院办公厅通知录入完毕？`} onConfirm={() => setCovered(true)}>
              <Button type="primary" data-testid="calendar-mark-covered">
                标记{year}年为已维护
              </Button>
            </Popconfirm>
          ) : null}
          {data?.covered ? (
            <Popconfirm title={`取消后${year}年按普通周末计算期限，确认？`} onConfirm={() => setCovered(false)}>
              <Button>取消已维护标记</Button>
            </Popconfirm>
          ) : null}
        </Space>
      </Space>
      {data && !data.covered ? (
        <Alert type="warning" showIcon title={`${year}年节假日尚未标记为已维护：该年度的期限暂按普通周末计算，到期日可能不准确。`} />
      ) : null}
      {recomputed !== null ? (
        <Alert type="info" showIcon closable={{ onClose: () => setRecomputed(null) }} title={`最近一次修改后，系统重新计算了 ${recomputed} 个未结期限。`} data-testid="calendar-recomputed" />
      ) : null}
      {data?.coveredYears?.length ? <Typography.Text type="secondary">已维护年度：{[...data.coveredYears].sort().join('、')}</Typography.Text> : null}
      <Spin spinning={loading}>
        <Row gutter={[12, 12]}>
          {Array.from({ length: 12 }, (_, i) => (
            <Col key={i} xs={24} sm={12} lg={8} xxl={6}>
              <MonthGrid year={year} month={i + 1} days={days} today={today} onPick={setPicked} />
            </Col>
          ))}
        </Row>
      </Spin>
      {picked ? (
        <DayModal
          date={picked}
          current={days.get(picked)}
          onClose={() => setPicked(null)}
          onSaved={(n) => {
            setPicked(null);
            changed(n);
          }}
        />
      ) : null}
    </Space>
  );
}
