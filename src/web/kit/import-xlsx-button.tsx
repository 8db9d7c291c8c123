// 导入Excel: uploads an .xlsx (with optional extra form fields), then shows how many rows were written or
// each rejected row (an import is all-or-nothing: the server answers 422 with the per-row report).
import { useState } from 'react';
import { Alert, Button, Modal, Table, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api-client';
import { handleError } from './error-policy';

interface ImportResult {
  created: number;
  errors: { row: number; field: string; message: string }[];
}

export function ImportXlsxButton({
  url,
  label = '导入Excel',
  fields,
  onImported,
  testId,
}: {
  url: string;
  label?: string;
  /** Extra form fields sent with the file; returning null cancels the upload. */
  fields?: () => Record<string, string> | null;
  onImported: () => void;
  testId?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const upload = async (file: File) => {
    const extra = fields ? fields() : {};
    if (extra === null) return;
    const body = new FormData();
    for (const [k, v] of Object.entries(extra)) body.set(k, v);
    body.set('file', file, file.name);
    setBusy(true);
    let res: ImportResult | null = null;
    try {
      res = await api.upload<ImportResult>(url, body, { silent: true });
    } catch (e) {
      const report = e instanceof ApiError ? (e.body as Partial<ImportResult> | null) : null;
      if (e instanceof ApiError && e.status === 422 && report && Array.isArray(report.errors)) res = { created: 0, errors: report.errors };
      else handleError(e);
    }
    setBusy(false);
    if (res) {
      setResult({ created: res.created ?? 0, errors: res.errors ?? [] });
      if ((res.created ?? 0) > 0) onImported();
    }
  };
  return (
    <>
      <Upload
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid={testId}>
          {label}
        </Button>
      </Upload>
      <Modal open={result !== null} title="导入结果" onCancel={() => setResult(null)} onOk={() => setResult(null)} cancelButtonProps={{ style: { display: 'none' } }} okText="知道了" width={720} destroyOnHidden>
        {result ? (
          <>
            <Alert
              type={result.errors.length > 0 ? 'warning' : 'success'}
              showIcon
              style={{ marginBottom: 16 }}
              title={result.errors.length > 0 ? `有 ${result.errors.length} 处错误，未导入任何数据` : `成功导入 ${result.created} 条`}
            />
            {result.errors.length > 0 ? (
              <Table
                size="small"
                rowKey={(r) => `${r.row}-${r.field}-${r.message}`}
                dataSource={result.errors}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 80 },
                  { title: '字段', dataIndex: 'field', width: 140 },
                  { title: '问题', dataIndex: 'message' },
                ]}
              />
            ) : null}
          </>
        ) : null}
      </Modal>
    </>
  );
}
