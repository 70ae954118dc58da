// The grid's look (AG Grid theming API) and the zh-CN locale, shared by every grid of the app.
import { themeQuartz } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';

export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontWeight: 600,
  headerBackgroundColor: '#F1F3F6',
  rowHeight: 34,
  headerHeight: 36,
  spacing: 6,
  accentColor: '#2F6FDB',
  borderColor: '#DCE0E6',
  wrapperBorderRadius: 0,
});

export const localeText: Record<string, string> = AG_GRID_LOCALE_CN;
