// List pages: a filter bar, an antd Table with server-side pagination and an 导出Excel button that
// downloads the export URL with the current filters. Filters and page live in the URL, so going back
// from a detail page restores the list as it was.
import { useCallback, useEffect, useMemo, useRef, useState, type Key, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, Flex, Form, Space, Table, Typography } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import { DownloadOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { api, downloadFile, type Query } from '../api-client';
import { attempt } from './error-policy';

export interface ListResult<T> {
  items: T[];
  total: number;
}

/** The filters of the current URL (everything but page/pageSize). */
const filtersOf = (params: URLSearchParams): Record<string, string> => {
  const out: Record<string, string> = {};
  params.forEach((v, k) => {
    if (k !== 'page' && k !== 'pageSize') out[k] = v;
  });
  return out;
};

interface ListPageProps<T, V extends Record<string, unknown>> {
  title: ReactNode;
  /** GET URL answering `{ items, total }` to `?…filters&page&pageSize`. */
  url: string;
  columns: ColumnsType<T>;
  rowKey: string | ((row: T) => Key);
  /** Filter Form.Items (the bar adds 查询 / 重置). */
  filters?: ReactNode;
  /** Filter form values → query parameters (default: as strings). */
  toQuery?: (values: V) => Query;
  /** Query parameters → filter form values (default: as they are). */
  fromQuery?: (query: Record<string, string>) => Partial<V>;
  /** Export URL (same filters); the button shows when set. */
  exportUrl?: string;
  exportFileName?: string;
  /** Buttons on the right of the title (登记, 导入 …). */
  actions?: ReactNode;
  /** Changing it reloads the list. */
  reloadKey?: number;
  tableTestId?: string;
  defaultPageSize?: number;
  /** Called with each loaded page (and whatever else the answer holds besides items and total). */
  onLoaded?: (result: ListResult<T> & Record<string, unknown>) => void;
  /** Extra Table props (expandable rows, size …). */
  tableProps?: Omit<TableProps<T>, 'columns' | 'dataSource' | 'pagination' | 'loading' | 'rowKey'>;
}

const defaultToQuery = (values: Record<string, unknown>): Query => {
  const q: Query = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '') continue;
    q[k] = typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
  }
  return q;
};

export function ListPage<T extends object, V extends Record<string, unknown> = Record<string, unknown>>(props: ListPageProps<T, V>) {
  const { url, toQuery, fromQuery, reloadKey, onLoaded, defaultPageSize = 20 } = props;
  // A notification only: a new callback identity must not reload the list.
  const onLoadedRef = useRef(onLoaded);
  useEffect(() => {
    onLoadedRef.current = onLoaded;
  });
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<V>();
  const [data, setData] = useState<ListResult<T>>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);

  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || defaultPageSize));
  const paramsKey = params.toString();
  const filters = useMemo(() => filtersOf(new URLSearchParams(paramsKey)), [paramsKey]);

  // Keep the form in step with the URL (back/forward navigation).
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue((fromQuery ? fromQuery(filters) : filters) as never);
  }, [form, filters]);

  const load = useCallback(async () => {
    setLoading(true);
    await attempt(async () => {
      const res = await api.get<ListResult<T> & Record<string, unknown>>(url, { ...filters, page, pageSize });
      const result = { items: res.items ?? [], total: res.total ?? 0 };
      setData(result);
      onLoadedRef.current?.({ ...res, ...result });
    });
    setLoading(false);
  }, [url, filters, page, pageSize]);

  useEffect(() => {
    void load();
  }, [load, reloadKey]);

  const search = (values: V) => {
    const q = toQuery ? toQuery(values) : defaultToQuery(values);
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') next.set(k, String(v));
    if (pageSize !== defaultPageSize) next.set('pageSize', String(pageSize));
    setParams(next);
  };

  const reset = () => {
    form.resetFields();
    setParams(new URLSearchParams());
  };

  const exportExcel = async () => {
    if (!props.exportUrl) return;
    setExporting(true);
    const qs = new URLSearchParams(filters).toString();
    await attempt(() => downloadFile(qs ? `${props.exportUrl}?${qs}` : props.exportUrl!, props.exportFileName ?? '导出.xlsx'));
    setExporting(false);
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {props.title}
        </Typography.Title>
        <Space wrap>
          <Button icon={<ReloadOutlined />} onClick={() => void load()} aria-label="刷新" title="刷新" />
          {props.actions}
          {props.exportUrl ? (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportExcel()} data-testid="list-export">
              导出Excel
            </Button>
          ) : null}
        </Space>
      </Flex>
      {props.filters ? (
        <Card size="small">
          <Form<V> form={form} layout="inline" onFinish={search} style={{ rowGap: 12 }} data-testid="list-filters">
            {props.filters}
            <Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="list-search">
                  查询
                </Button>
                <Button onClick={reset}>重置</Button>
              </Space>
            </Form.Item>
          </Form>
        </Card>
      ) : null}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <div data-testid={props.tableTestId ?? 'list-table'}>
          <Table<T>
            rowKey={props.rowKey as never}
            columns={props.columns}
            dataSource={data.items}
            loading={loading}
            scroll={{ x: 'max-content' }}
            {...props.tableProps}
            pagination={{
              current: page,
              pageSize,
              total: data.total,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 条`,
              onChange: (p, ps) => {
                const next = new URLSearchParams(filters);
                if (p > 1) next.set('page', String(p));
                if (ps !== defaultPageSize) next.set('pageSize', String(ps));
                setParams(next);
              },
            }}
          />
        </div>
      </Card>
    </Space>
  );
}
