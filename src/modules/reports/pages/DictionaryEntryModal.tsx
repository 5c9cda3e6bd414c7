import { useEffect } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Switch, type ButtonProps } from 'antd';
import { api } from '../../../web/api/client';
import { handleFormError } from '../../../web/api/formErrors';
import { useT } from '../../../web/i18n';
import { dictionaryKinds } from './DictionaryTab';
import type { DictionaryPath } from './settingsData';

interface Values { code: string; name: string; countsAsDrift?: boolean; sortOrder?: number | null; active: boolean }
const fields = ['code', 'name', 'countsAsDrift', 'sortOrder', 'active'] as const;
/** The server's rule for an entry code (schema.ts dictionaryEntryInput): a letter, then letters, digits or _, at most 40. */
const codePattern = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** Adds an entry to a county dictionary; a code already taken comes back from the server and shows on the code field. */
export function DictionaryEntryModal({ path, open, onClose, onSaved }: { path: DictionaryPath; open: boolean; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const kind = dictionaryKinds[path];
  const id = (what: string) => `${kind.prefix}-${what}`;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open) { form.resetFields(); form.setFieldsValue({ ...(kind.drift ? { countsAsDrift: false } : {}), active: true }); }
  }, [open, form, kind.drift]);

  const save = useMutation({
    mutationFn: (v: Values) => api.post(`/reports/${path}`, {
      code: v.code.trim(), name: v.name.trim(), ...(kind.drift ? { countsAsDrift: !!v.countsAsDrift } : {}), sortOrder: v.sortOrder ?? undefined, active: v.active,
    }),
    meta: { manualError: true },
    onSuccess: () => { void message.success(t('common.saved')); onSaved(); onClose(); },
    onError: (err) => handleFormError(form, err, fields),
  });

  return (
    <Modal open={open} onCancel={onClose} title={t(kind.add)} destroyOnHidden confirmLoading={save.isPending}
      onOk={() => form.submit()} okButtonProps={{ 'data-testid': id('save') } as unknown as ButtonProps}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid={id('form')}>
        <Form.Item name="name" label={t(kind.name)} rules={[{ required: true, whitespace: true, message: t('reports.settings.nameRequired') }]}>
          <Input maxLength={50} data-testid={id('name')} />
        </Form.Item>
        <Form.Item name="code" label={t(kind.code)} extra={t('reports.settings.codeHint')}
          rules={[{ required: true, message: t('common.required') }, { pattern: codePattern, message: t('reports.settings.codeRule') }]}>
          <Input maxLength={40} data-testid={id('code')} />
        </Form.Item>
        {kind.drift && (
          <Form.Item name="countsAsDrift" label={t('reports.settings.countsAsDrift')} extra={t('reports.settings.countsAsDriftHint')} valuePropName="checked">
            <Switch data-testid={id('new-drift')} />
          </Form.Item>
        )}
        <Form.Item name="sortOrder" label={t('reports.settings.sortOrder')}><InputNumber min={0} max={1000} precision={0} /></Form.Item>
        <Form.Item name="active" label={t('reports.settings.active')} valuePropName="checked"><Switch /></Form.Item>
      </Form>
    </Modal>
  );
}
