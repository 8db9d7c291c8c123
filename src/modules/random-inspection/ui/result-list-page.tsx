// 检查结果 list: every inspection result within scope with the 20-working-day publication badge, filters, export.
import { useState } from 'react';
import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { ListPage } from '../../../web/kit/list-page';
import { stateOptions } from '../../../web/kit/status-tag';
import { useSession } from '../../../web/session';
import { OUTCOMES, resultMachine } from '../plan-machine';
import { resultColumns, type ResultItem } from './results-table';

export default function ResultListPage() {
  const { can } = useSession();
  const [reload, setReload] = useState(0);
  return (
    <ListPage<ResultItem>
      title="检查结果与公示"
      url="/api/random-inspection/results"
      rowKey="id"
      columns={resultColumns(() => setReload((x) => x + 1), true)}
      reloadKey={reload}
      tableTestId="results-list"
      exportUrl={can('random-inspection:export') ? '/api/random-inspection/results/export' : undefined}
      exportFileName="双随机检查结果.xlsx"
      fromQuery={(q) => ({ ...q, overdue: q.overdue === 'true' }) as never}
      toQuery={(v: Record<string, unknown>) => ({ ...(v as Record<string, string>), overdue: v.overdue ? 'true' : undefined })}
      filters={
        <>
          <Form.Item name="year" label="年度">
            <InputNumber min={2000} max={2100} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select allowClear placeholder="全部" options={stateOptions(resultMachine)} style={{ width: 120 }} data-testid="filter-status" />
          </Form.Item>
          <Form.Item name="outcome" label="结果">
            <Select allowClear placeholder="全部" options={OUTCOMES.map((o) => ({ value: o.value, label: o.label }))} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="overdue" label="逾期未公示" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="q" label="关键词">
            <Input allowClear placeholder="对象名称 / 信用代码 / 计划" style={{ width: 200 }} />
          </Form.Item>
        </>
      }
    />
  );
}
