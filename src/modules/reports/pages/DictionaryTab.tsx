import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, InputNumber, Space, Switch, Table, Tooltip } from 'antd';
import { PlusOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { api } from '../../../web/api/client';
import { handleFormError } from '../../../web/api/formErrors';
import { useT, type MessageKey } from '../../../web/i18n';
import { DictionaryEntryModal } from './DictionaryEntryModal';
import { settingsKeys, useDictionary, type DictionaryEntry, type DictionaryPath } from './settingsData';

type Patch = Partial<Pick<DictionaryEntry, 'name' | 'countsAsDrift' | 'sortOrder' | 'active'>>;

/** What differs between the county's dictionaries: the drift flag (效能投诉 only), the words, the test ids. */
export const dictionaryKinds: Record<DictionaryPath, { drift: boolean; prefix: string; add: MessageKey; name: MessageKey; code: MessageKey }> = {
  'efficiency-categories': { drift: true, prefix: 'category', add: 'reports.settings.addCategory', name: 'reports.settings.categoryName', code: 'reports.settings.categoryCode' },
  sectors: { drift: false, prefix: 'sector', add: 'reports.settings.addSector', name: 'reports.settings.sectorName', code: 'reports.settings.sectorCode' },
};

/**
 * One county dictionary (效能投诉类别 or 领域): the switches save at once; name and order are edited in the row
 * (编辑 → 保存), and a refusal from the server shows on the cell's field. Entries are switched off, never deleted.
 */
export function DictionaryTab({ path }: { path: DictionaryPath }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const kind = dictionaryKinds[path];
  const id = (what: string) => `${kind.prefix}-${what}`;
  const list = useDictionary(path);
  const [rowForm] = Form.useForm<{ name: string; sortOrder: number }>();
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: settingsKeys.dictionary(path) });

  const toggle = useMutation({
    mutationFn: ({ code, patch }: { code: string; patch: Patch }) => api.patch(`/reports/${path}/${code}`, patch),
    onSuccess: () => void refresh(),
  });
  const saveRow = useMutation({
    mutationFn: ({ code, patch }: { code: string; patch: Patch }) => api.patch(`/reports/${path}/${code}`, patch),
    meta: { manualError: true },
    onSuccess: () => { void message.success(t('common.saved')); setEditing(null); void refresh(); },
    onError: (err) => handleFormError(rowForm, err, ['name', 'sortOrder']),
  });

  const startEdit = (c: DictionaryEntry) => {
    rowForm.setFieldsValue({ name: c.name, sortOrder: c.sortOrder });
    setEditing(c.code);
  };
  const submitRow = async (code: string) => {
    const v = await rowForm.validateFields();
    saveRow.mutate({ code, patch: { name: v.name.trim(), sortOrder: v.sortOrder } });
  };
  const switching = (code: string, key: keyof Patch) => toggle.isPending && toggle.variables?.code === code && key in toggle.variables.patch;

  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid={id('add')}>{t(kind.add)}</Button>
      </Flex>
      <Form form={rowForm} component={false}>
        <Table<DictionaryEntry> rowKey="code" size="small" data-testid={`${kind.prefix}-table`} loading={list.isLoading} dataSource={list.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t(kind.name), dataIndex: 'name', render: (v: string, c) => (editing === c.code
              ? <Form.Item name="name" style={{ margin: 0 }} rules={[{ required: true, whitespace: true, message: t('reports.settings.nameRequired') }]}>
                <Input maxLength={50} data-testid={id('name-input')} onPressEnter={() => void submitRow(c.code)} />
              </Form.Item>
              : v) },
            { title: t(kind.code), dataIndex: 'code', width: 200, render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
            ...(kind.drift ? [{ title: <Space size={4}>{t('reports.settings.countsAsDrift')}<Tooltip title={t('reports.settings.countsAsDriftHint')}><QuestionCircleOutlined /></Tooltip></Space>,
              dataIndex: 'countsAsDrift', width: 200, render: (v: boolean, c: DictionaryEntry) => (
                <Switch checked={v} loading={switching(c.code, 'countsAsDrift')} data-testid={id('drift')}
                  onChange={(next) => toggle.mutate({ code: c.code, patch: { countsAsDrift: next } })} />) }] : []),
            { title: t('reports.settings.sortOrder'), dataIndex: 'sortOrder', width: 120, render: (v: number, c) => (editing === c.code
              ? <Form.Item name="sortOrder" style={{ margin: 0 }} rules={[{ required: true, message: t('common.required') }]}>
                <InputNumber min={0} max={1000} precision={0} style={{ width: 90 }} />
              </Form.Item>
              : v) },
            { title: t('reports.settings.active'), dataIndex: 'active', width: 90, render: (v: boolean, c) => (
              <Switch checked={v} loading={switching(c.code, 'active')} data-testid={id('active')}
                onChange={(next) => toggle.mutate({ code: c.code, patch: { active: next } })} />) },
            { title: t('common.actions'), key: 'actions', width: 140, render: (_, c) => (editing === c.code
              ? <Space size={4}>
                <Button type="link" size="small" loading={saveRow.isPending} onClick={() => void submitRow(c.code)} data-testid={id('row-save')}>{t('common.save')}</Button>
                <Button type="link" size="small" onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
              </Space>
              : <Button type="link" size="small" disabled={!!editing} onClick={() => startEdit(c)} data-testid={id('edit')}>{t('common.edit')}</Button>) },
          ]} />
      </Form>
      <DictionaryEntryModal path={path} open={adding} onClose={() => setAdding(false)} onSaved={() => void refresh()} />
    </>
  );
}
