import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { api } from '../../../web/api/client';
import { handleFormError } from '../../../web/api/formErrors';
import { isStrongEnough } from '../../../web/auth/passwordPolicy';
import { useT } from '../../../web/i18n';
import type { SystemUser } from './types';

/** An administrator sets a temporary password; the server makes the user change it at next login. */
export function ResetPasswordModal({ user, onClose }: { user: SystemUser | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useMutation({
    mutationFn: (password: string) => api.post<void>(`/system/users/${user?.id}/reset-password`, { password }),
    meta: { manualError: true },
    onSuccess: () => {
      void message.success(t('user.passwordReset'));
      onClose();
    },
    onError: (err) => handleFormError(form, err, ['password']),
  });
  return (
    <Modal open={!!user} title={t('user.resetPasswordTitle', { name: user?.displayName ?? '' })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={reset.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => reset.mutate(v.password)} preserve={false}>
        <Form.Item
          name="password"
          label={t('user.initialPassword')}
          extra={t('password.policy')}
          rules={[
            { required: true, message: t('common.required') },
            { validator: (_, v?: string) => (!v || isStrongEnough(v) ? Promise.resolve() : Promise.reject(new Error(t('password.weak')))) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
