import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { handleFormError } from '../../../web/api/formErrors';
import { useT } from '../../../web/i18n';
import { campaignApi, campaignKeys, findingCategories, type FindingCategory } from './api';
import { categoryText, dateOf, opt } from './labels';

interface NewFinding { objectId: string; category: FindingCategory; description: string; foundOn: Dayjs; ownerName?: string; ownerPost?: string; dueOn?: Dayjs }
const fields = ['objectId', 'category', 'description', 'foundOn', 'ownerName', 'ownerPost', 'dueOn'];

/** 登记问题: a problem found on one of the campaign's projects; naming the owner and due date starts the rectification. */
export function FindingDrawer({ campaignId, open, onClose }: { campaignId: string; open: boolean; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewFinding>();
  const objects = useQuery({ queryKey: campaignKeys.objects(campaignId, { page: 1, pageSize: 200 }), queryFn: () => campaignApi.objects(campaignId, { page: 1, pageSize: 200 }), enabled: open });
  useEffect(() => { if (open) { form.resetFields(); form.setFieldsValue({ foundOn: dayjs() }); } }, [open]);
  const add = useMutation({
    meta: { manualError: true },
    mutationFn: (v: NewFinding) => campaignApi.addFinding(campaignId, {
      objectId: v.objectId, category: v.category, description: v.description, foundOn: dateOf(v.foundOn)!, ownerName: opt(v.ownerName), ownerPost: opt(v.ownerPost), dueOn: dateOf(v.dueOn),
    }),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: campaignKeys.all }); void message.success(t('campaigns.ui.findingAdded')); onClose(); },
    onError: (err) => handleFormError(form, err, fields),
  });
  const required = { required: true, message: t('common.required') };
  return (
    <Drawer open={open} onClose={onClose} title={t('campaigns.ui.addFinding')} size="large" destroyOnHidden
      extra={<Space><Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" loading={add.isPending} onClick={() => form.submit()} data-testid="finding-save">{t('common.save')}</Button></Space>}>
      <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
        <Form.Item name="objectId" label={t('campaigns.ui.object')} rules={[required]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={objects.isLoading} options={(objects.data?.items ?? []).map((o) => ({ value: o.id, label: o.projectName }))} />
        </Form.Item>
        <Form.Item name="category" label={t('campaigns.ui.category')} rules={[required]}>
          <Select options={findingCategories.map((c) => ({ value: c, label: categoryText(t, c) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('campaigns.ui.description2')} rules={[{ ...required, whitespace: true }, { max: 2000 }]}><Input.TextArea rows={4} maxLength={2000} /></Form.Item>
        <Form.Item name="foundOn" label={t('campaigns.ui.foundOn')} rules={[required]}><DatePicker /></Form.Item>
        <Space size="large" wrap>
          <Form.Item name="ownerName" label={t('campaigns.ui.owner')} rules={[{ max: 50 }]}><Input maxLength={50} /></Form.Item>
          <Form.Item name="ownerPost" label={t('campaigns.ui.ownerPost')} rules={[{ max: 100 }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="dueOn" label={t('campaigns.ui.dueOn')}><DatePicker /></Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
