import type { IconDefinition } from '@ant-design/icons-angular';
import {
  ApartmentOutline,
  AuditOutline,
  CalendarOutline,
  CheckCircleOutline,
  DeleteOutline,
  EditOutline,
  EnvironmentOutline,
  HomeOutline,
  LogoutOutline,
  MenuFoldOutline,
  MenuUnfoldOutline,
  PlusOutline,
  SafetyCertificateOutline,
  SearchOutline,
  SettingOutline,
  StopOutline,
  TeamOutline,
  UserOutline,
} from '@ant-design/icons-angular/icons';

/**
 * The icons of the signed-in app (menu, header, page actions), each imported by name so that only
 * these are bundled. Registered by the shell with `provideNzIconsPatch`, which keeps them (and
 * ng-zorro's icon machinery) out of the initial bundle. ng-zorro registers its own internal icons.
 */
export const SHELL_ICONS: IconDefinition[] = [
  ApartmentOutline,
  AuditOutline,
  CalendarOutline,
  CheckCircleOutline,
  DeleteOutline,
  EditOutline,
  EnvironmentOutline,
  HomeOutline,
  LogoutOutline,
  MenuFoldOutline,
  MenuUnfoldOutline,
  PlusOutline,
  SafetyCertificateOutline,
  SearchOutline,
  SettingOutline,
  StopOutline,
  TeamOutline,
  UserOutline,
];
