import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Popconfirm, Space, Table, Tooltip, type ButtonProps, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { handleFormError } from '../../../web/api/formErrors';
import { useAuth } from '../../../web/auth/AuthContext';
import { serverPagination } from '../../../web/components/serverPagination';
import { UnitTreeSelect } from '../../../web/components/UnitTreeSelect';
import { useLocale, useT } from '../../../web/i18n';
import { TownshipSelect } from '../../risk/pages/filters';
import { campaignApi, campaignKeys, type CampaignDetail, type CampaignObject } from './api';
import { dateOf, opt, yuan } from './labels';

interface NewProject { projectName: string; ownerUnitId: string; townshipCode?: string; contractAmount?: number; contractor?: string; inspectedOn: Dayjs; inspectedBy?: string }
const fields = ['projectName', 'ownerUnitId', 'townshipCode', 'contractAmount', 'contractor', 'inspectedOn', 'inspectedBy'];

/**
 * 排查工程: the project register of the campaign in the caller's scope; registering a project (threshold checked by
 * the server), correcting one, and removing one registered by mistake while nothing was found on it.
 */
export function ProjectsTable({ campaign }: { campaign: CampaignDetail }) {
  const t = useT();
  const locale = useLocale();
  const { can, me } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [township, setTownship] = useState<string>();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<CampaignObject | null>(null);
  const [form] = Form.useForm<NewProject>();
  const filter = { ...page, township };
  const list = useQuery({ queryKey: campaignKeys.objects(campaign.id, filter), queryFn: () => campaignApi.objects(campaign.id, filter), placeholderData: keepPreviousData });
  const add = useMutation({
    meta: { manualError: true },
    mutationFn: (v: NewProject) => {
      const body = {
        projectName: v.projectName, ownerUnitId: v.ownerUnitId, townshipCode: v.townshipCode || undefined, contractAmount: v.contractAmount ?? undefined,
        contractor: opt(v.contractor), inspectedOn: dateOf(v.inspectedOn)!, inspectedBy: opt(v.inspectedBy),
      };
      return editing ? campaignApi.updateObject(editing.id, body) : campaignApi.addObject(campaign.id, body);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: campaignKeys.all });
      void message.success(t(editing ? 'campaigns.ui.projectUpdated' : 'campaigns.ui.projectAdded'));
      setOpen(false);
    },
    onError: (err) => handleFormError(form, err, fields),
  });
  const remove = useMutation({
    mutationFn: (id: string) => campaignApi.deleteObject(id),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: campaignKeys.all }); void message.success(t('campaigns.ui.projectRemoved')); },
  });
  const startEdit = (o: CampaignObject) => {
    form.resetFields();
    form.setFieldsValue({
      projectName: o.projectName, ownerUnitId: o.unitId, townshipCode: o.townshipCode ?? undefined, contractAmount: o.contractAmount ?? undefined,
      contractor: o.contractor ?? undefined, inspectedOn: dayjs(o.inspectedOn), inspectedBy: o.inspectedBy ?? undefined,
    });
    setEditing(o);
    setOpen(true);
  };
  const columns: TableColumnsType<CampaignObject> = [
    { title: t('campaigns.ui.projectName'), dataIndex: 'projectName', ellipsis: true },
    { title: t('campaigns.ui.ownerUnit'), dataIndex: 'unitName', width: 170, ellipsis: true },
    { title: t('campaigns.ui.township'), dataIndex: 'townshipName', width: 120, render: (v: string | null) => v ?? t('campaigns.ui.countyLevel') },
    { title: t('campaigns.ui.contractAmount'), dataIndex: 'contractAmount', width: 150, align: 'right', render: (v: number | null) => yuan(v, locale) },
    { title: t('campaigns.ui.contractor'), dataIndex: 'contractor', width: 220, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t('campaigns.ui.inspectedOn'), dataIndex: 'inspectedOn', width: 110 },
    { title: t('campaigns.ui.findingCount'), dataIndex: 'findings', width: 80, align: 'right' },
    { title: t('campaigns.ui.rectifying'), dataIndex: 'rectifying', width: 90, align: 'right' },
    ...(can('campaigns.write') ? [{
      title: t('campaigns.ui.actions'), key: 'actions', width: 100,
      render: (_: unknown, o: CampaignObject) => (
        <Space size={4}>
          <Tooltip title={t('campaigns.ui.editProject')}>
            <Button size="small" type="text" icon={<EditOutlined />} onClick={() => startEdit(o)} data-testid="campaign-project-edit" aria-label={t('campaigns.ui.editProject')} />
          </Tooltip>
          {o.findings > 0
            ? <Tooltip title={t('campaigns.ui.cannotRemove')}><Button size="small" type="text" icon={<DeleteOutlined />} disabled aria-label={t('campaigns.ui.removeProject')} /></Tooltip>
            : (
              <Popconfirm title={t('campaigns.ui.removeConfirm', { name: o.projectName })} onConfirm={() => remove.mutate(o.id)}
                okButtonProps={{ danger: true, 'data-testid': 'campaign-project-remove-ok' } as unknown as ButtonProps}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} data-testid="campaign-project-remove" aria-label={t('campaigns.ui.removeProject')} />
              </Popconfirm>
            )}
        </Space>
      ),
    }] : []),
  ];
  return (
    <>
      <Flex gap={8} justify="space-between" style={{ marginBottom: 12 }}>
        <TownshipSelect value={township} onChange={(v) => { setTownship(v); setPage({ ...page, page: 1 }); }} testId="campaign-projects-township" />
        {can('campaigns.write') && (
          <Button icon={<PlusOutlined />} onClick={() => { form.resetFields(); form.setFieldsValue({ inspectedOn: dayjs(), ownerUnitId: me?.unit.id }); setEditing(null); setOpen(true); }} data-testid="campaign-add-project">
            {t('campaigns.ui.addProject')}
          </Button>
        )}
      </Flex>
      <Table<CampaignObject> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items} columns={columns} data-testid="campaign-projects"
        pagination={serverPagination(t, page, setPage, list.data?.total)} />
      <Drawer open={open} onClose={() => setOpen(false)} title={t(editing ? 'campaigns.ui.editProject' : 'campaigns.ui.addProject')} size="large" data-testid="campaign-project-drawer"
        extra={<Space><Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
          <Button type="primary" loading={add.isPending} onClick={() => form.submit()} data-testid="campaign-project-save">{t('common.save')}</Button></Space>}>
        <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
          <Form.Item name="projectName" label={t('campaigns.ui.projectName')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 200 }]}>
            <Input maxLength={200} data-testid="campaign-project-name" />
          </Form.Item>
          <Form.Item name="ownerUnitId" label={t('campaigns.ui.ownerUnit')} rules={[{ required: true, message: t('common.required') }]}>
            <UnitTreeSelect data-testid="campaign-project-unit" />
          </Form.Item>
          <Form.Item name="townshipCode" label={t('campaigns.ui.township')} extra={t('campaigns.ui.townshipHelp')}>
            <TownshipSelect onChange={(v) => form.setFieldValue('townshipCode', v)} />
          </Form.Item>
          <Form.Item name="contractAmount" label={t('campaigns.ui.contractAmount')}>
            <InputNumber min={0} precision={2} style={{ width: 240 }} data-testid="campaign-project-amount" />
          </Form.Item>
          <Form.Item name="contractor" label={t('campaigns.ui.contractor')} rules={[{ max: 200 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="inspectedOn" label={t('campaigns.ui.inspectedOn')} rules={[{ required: true, message: t('common.required') }]}><DatePicker /></Form.Item>
          <Form.Item name="inspectedBy" label={t('campaigns.ui.inspectedBy')} rules={[{ max: 100 }]}><Input maxLength={100} /></Form.Item>
        </Form>
      </Drawer>
    </>
  );
}
