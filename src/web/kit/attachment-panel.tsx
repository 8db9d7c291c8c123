// Attachments of one record: list, upload (multipart, with the CSRF header) and download.
import { useCallback, useEffect, useState } from 'react';
import { Button, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { api, downloadFile } from '../api-client';
import { attempt } from './error-policy';
import { formatDateTime, formatSize } from './format';

export interface AttachmentItem {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  sm3?: string;
  category?: string | null;
  createdAt: string;
  uploadedBy?: number | null;
  uploadedByName?: string | null;
}

export function AttachmentPanel({ ownerType, ownerId, canUpload = true, category }: { ownerType: string; ownerId: number | string; canUpload?: boolean; category?: string }) {
  const [items, setItems] = useState<AttachmentItem[]>([]);
  const [loading, setLoading] = useState(true);
  const [uploading, setUploading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    await attempt(async () => {
      const res = await api.get<{ items: AttachmentItem[] }>('/api/attachments', { ownerType, ownerId });
      setItems(res.items ?? []);
    });
    setLoading(false);
  }, [ownerType, ownerId]);

  useEffect(() => {
    void load();
  }, [load]);

  const upload = async (file: File) => {
    const body = new FormData();
    body.set('ownerType', ownerType);
    body.set('ownerId', String(ownerId));
    if (category) body.set('category', category);
    body.set('file', file, file.name);
    setUploading(true);
    await attempt(async () => {
      await api.upload('/api/attachments', body);
      await load();
    });
    setUploading(false);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canUpload ? (
        <Upload
          showUploadList={false}
          multiple={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={uploading} data-testid="attachment-upload">
            上传附件
          </Button>
        </Upload>
      ) : null}
      <Table<AttachmentItem>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: '暂无附件' }}
        columns={[
          {
            title: '文件名',
            dataIndex: 'fileName',
            render: (name: string, row) => (
              <Typography.Link onClick={() => void attempt(() => downloadFile(`/api/attachments/${row.id}/download`, name))} data-testid={`attachment-${row.id}`}>
                {name}
              </Typography.Link>
            ),
          },
          { title: '大小', dataIndex: 'size', width: 100, render: (v: number) => formatSize(v) },
          ...(items.some((i) => i.uploadedByName) ? [{ title: '上传人', dataIndex: 'uploadedByName', width: 120 }] : []),
          { title: '上传时间', dataIndex: 'createdAt', width: 180, render: (v: string) => formatDateTime(v) },
          {
            title: 'SM3 摘要',
            dataIndex: 'sm3',
            ellipsis: true,
            render: (v: string | undefined, row) => (
              <Typography.Text code copyable={{ text: v ?? row.sha256 }} style={{ fontSize: 12 }}>
                {(v ?? row.sha256 ?? '').slice(0, 16)}…
              </Typography.Text>
            ),
          },
          {
            title: '',
            width: 60,
            render: (_: unknown, row) => (
              <Button type="text" icon={<DownloadOutlined />} aria-label="下载" onClick={() => void attempt(() => downloadFile(`/api/attachments/${row.id}/download`, row.fileName))} />
            ),
          },
        ]}
      />
    </Space>
  );
}
