import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Form, Input, List, Radio, Result, Row, Select, Tag, Typography, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api } from '../../../web/api/client';
import { handleFormError } from '../../../web/api/formErrors';
import { useT, type MessageKey } from '../../../web/i18n';

interface Values {
  kind: string; title: string; content: string; townshipCode?: string; villageCode?: string; realName?: boolean;
  name?: string; citizenId?: string; phone?: string; accusedName?: string; accusedUnit?: string; accusedPost?: string;
}
interface Lookup { kind: string; title: string; status: string; receivedOn: string; answer: string | null; messages: Array<{ author: string; body: string; at: string }> }
type Division = { code: string; name: string };

/** The citizen's page (no login): submit a report with attachments, get a receipt, then follow it with the receipt. */
export default function PublicReportPage() {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [receipt, setReceipt] = useState<string | null>(null);
  const [lookupCode, setLookupCode] = useState('');
  const township = Form.useWatch('townshipCode', form);
  const realName = Form.useWatch('realName', form);
  const townships = useQuery({ queryKey: ['public', 'divisions'], queryFn: () => api.get<{ items: Division[] }>('/public/divisions') });
  const villages = useQuery({ queryKey: ['public', 'divisions', township], queryFn: () => api.get<{ items: Division[] }>('/public/divisions', { parentCode: township }), enabled: !!township });

  const submit = useMutation({
    meta: { manualError: true },
    mutationFn: async (v: Values) => {
      const accused = v.accusedName || v.accusedUnit || v.accusedPost ? { name: v.accusedName || undefined, unit: v.accusedUnit || undefined, post: v.accusedPost || undefined } : undefined;
      const report = { kind: v.kind, title: v.title, content: v.content, townshipCode: v.townshipCode, villageCode: v.villageCode, accused,
        anonymous: !v.realName, reporter: v.realName ? { name: v.name, citizenId: v.citizenId, phone: v.phone } : undefined };
      const fd = new FormData();
      fd.append('report', JSON.stringify(report));
      for (const f of files) if (f.originFileObj) fd.append('attachments', f.originFileObj, f.name);
      return api.post<{ receipt: string }>('/public/reports', fd);
    },
    onSuccess: (r) => { setReceipt(r.receipt); form.resetFields(); setFiles([]); },
    onError: (err) => handleFormError(form, err),
  });
  const lookup = useMutation({ mutationFn: (code: string) => api.get<Lookup>(`/public/reports/${encodeURIComponent(code.replace(/\s/g, ''))}`) });

  return (
    <div style={{ maxWidth: 1100, margin: '24px auto', padding: '0 16px' }}>
      <Typography.Title level={3}>{t('public.title')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card>
            {receipt ? (
              <Result status="success" title={t('public.receipt')} subTitle={t('public.receiptHint')}
                extra={<Typography.Title level={3} copyable data-testid="public-receipt" style={{ fontFamily: 'monospace' }}>{receipt.replace(/(\d{5})(?=\d)/g, '$1 ')}</Typography.Title>} />
            ) : (
              <Form form={form} layout="vertical" initialValues={{ kind: 'accusation', realName: false }} onFinish={(v) => submit.mutate(v)}>
                <Alert type="info" title={t('public.intro')} style={{ marginBottom: 16 }} />
                <Form.Item name="kind" label={t('reports.kind')}>
                  <Radio.Group options={['accusation', 'suggestion', 'appeal', 'efficiency'].map((k) => ({ value: k, label: t(`reports.kind.${k}` as MessageKey) }))} />
                </Form.Item>
                <Form.Item name="title" label={t('reports.title')} rules={[{ required: true }]}><Input maxLength={200} data-testid="public-title" /></Form.Item>
                <Form.Item name="content" label={t('reports.content')} rules={[{ required: true }]}><Input.TextArea rows={6} maxLength={20000} data-testid="public-content" /></Form.Item>
                <Row gutter={12}>
                  <Col span={12}><Form.Item name="townshipCode" label={t('reports.township')}>
                    <Select allowClear showSearch optionFilterProp="label" options={(townships.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))} onChange={() => form.setFieldValue('villageCode', undefined)} />
                  </Form.Item></Col>
                  <Col span={12}><Form.Item name="villageCode" label=" ">
                    <Select allowClear showSearch optionFilterProp="label" disabled={!township} options={(villages.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))} />
                  </Form.Item></Col>
                </Row>
                <Row gutter={12}>
                  <Col span={8}><Form.Item name="accusedName" label={t('public.accusedName')}><Input maxLength={50} /></Form.Item></Col>
                  <Col span={8}><Form.Item name="accusedUnit" label={t('public.accusedUnit')}><Input maxLength={100} /></Form.Item></Col>
                  <Col span={8}><Form.Item name="accusedPost" label={t('public.accusedPost')}><Input maxLength={100} /></Form.Item></Col>
                </Row>
                <Form.Item label={t('public.attachments')}>
                  <Upload multiple maxCount={5} fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)} accept="image/*,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx">
                    <Button icon={<UploadOutlined />}>{t('reports.attachments')}</Button>
                  </Upload>
                </Form.Item>
                <Form.Item name="realName" valuePropName="checked"><Checkbox>{t('public.realName')}</Checkbox></Form.Item>
                {realName && (
                  <Row gutter={12}>
                    <Col span={6}><Form.Item name="name" label={t('public.name')} rules={[{ required: true }]}><Input maxLength={50} /></Form.Item></Col>
                    <Col span={10}><Form.Item name="citizenId" label={t('public.citizenId')} rules={[{ required: true }]}><Input maxLength={18} /></Form.Item></Col>
                    <Col span={8}><Form.Item name="phone" label={t('public.phone')} rules={[{ required: true }]}><Input maxLength={20} /></Form.Item></Col>
                  </Row>
                )}
                <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="public-submit">{t('public.submit')}</Button>
              </Form>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('public.lookup')}>
            <Input.Search value={lookupCode} onChange={(e) => setLookupCode(e.target.value)} placeholder={t('public.lookupPlaceholder')} enterButton onSearch={(v) => v && lookup.mutate(v)} data-testid="public-lookup" />
            {lookup.data && (
              <div style={{ marginTop: 16 }} data-testid="public-status">
                <Typography.Paragraph><b>{lookup.data.title}</b> <Tag>{t(`reports.status.${lookup.data.status}` as MessageKey)}</Tag> {lookup.data.receivedOn}</Typography.Paragraph>
                {lookup.data.answer && <Alert type="success" title={t('reports.reply')} description={lookup.data.answer} style={{ marginBottom: 12 }} />}
                <List size="small" dataSource={lookup.data.messages} locale={{ emptyText: t('common.empty') }}
                  renderItem={(m) => <List.Item><Tag>{m.author === 'reporter' ? t('public.you') : t('public.office')}</Tag>{m.body}</List.Item>} />
              </div>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
