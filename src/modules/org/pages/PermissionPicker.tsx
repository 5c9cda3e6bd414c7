import { useMemo } from 'react';
import { Checkbox, Col, Divider, Row, Typography } from 'antd';
import { hasMessage, useLocale, useT } from '../../../web/i18n';
import type { Permission } from './types';

/** Permission checkboxes grouped by module, with a group-level "all" box, as a Form control (string[]). */
export function PermissionPicker({ permissions, value = [], onChange }: { permissions: Permission[]; value?: string[]; onChange?: (v: string[]) => void }) {
  const t = useT();
  const locale = useLocale();
  const groups = useMemo(() => {
    const map = new Map<string, Permission[]>();
    for (const p of permissions) map.set(p.group, [...(map.get(p.group) ?? []), p]);
    return [...map];
  }, [permissions]);
  const chosen = new Set(value);
  const setGroup = (codes: string[], on: boolean) => {
    const next = new Set(chosen);
    codes.forEach((c) => (on ? next.add(c) : next.delete(c)));
    onChange?.([...next]);
  };

  return (
    <div data-testid="role-form-permissions">
      {groups.map(([group, perms]) => {
        const codes = perms.map((p) => p.code);
        const n = codes.filter((c) => chosen.has(c)).length;
        const key = `permGroup.${group}`;
        return (
          <div key={group} style={{ marginBottom: 8 }}>
            <Divider titlePlacement="start" style={{ margin: '8px 0' }}>
              <Checkbox checked={n === codes.length} indeterminate={n > 0 && n < codes.length} onChange={(e) => setGroup(codes, e.target.checked)}>
                <Typography.Text strong>{hasMessage(key) ? t(key) : group}</Typography.Text>
              </Checkbox>
            </Divider>
            <Row gutter={[8, 4]}>
              {perms.map((p) => (
                <Col key={p.code} xs={24} sm={12}>
                  <Checkbox checked={chosen.has(p.code)} onChange={(e) => setGroup([p.code], e.target.checked)} data-testid={`perm-${p.code}`}>
                    {locale === 'en' ? p.labelEn : p.labelZh}
                  </Checkbox>
                </Col>
              ))}
            </Row>
          </div>
        );
      })}
    </div>
  );
}
