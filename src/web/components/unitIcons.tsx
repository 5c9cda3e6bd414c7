import type { ReactNode } from 'react';
import {
  ApartmentOutlined, BankOutlined, ClusterOutlined, EnvironmentOutlined, HomeOutlined,
  SafetyCertificateOutlined, ShopOutlined, TeamOutlined, QuestionCircleOutlined,
} from '@ant-design/icons';
import type { UnitKind } from '../api/types';

/** One icon per kind of unit so the tree reads at a glance (township vs. village vs. department). */
export const unitKindIcon: Record<UnitKind, ReactNode> = {
  county: <BankOutlined />,
  subdistrict: <ClusterOutlined />,
  town: <ClusterOutlined />,
  township: <ClusterOutlined />,
  townshipOther: <ClusterOutlined />,
  community: <HomeOutlined />,
  village: <EnvironmentOutlined />,
  cdi: <SafetyCertificateOutlined />,
  department: <ApartmentOutlined />,
  stationedTeam: <TeamOutlined />,
  enterprise: <ShopOutlined />,
  other: <QuestionCircleOutlined />,
};
