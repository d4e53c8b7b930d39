// AG Grid v36 theming API: Quartz with our palette, light or dark.
import { colorSchemeDark, colorSchemeLight, themeQuartz } from 'ag-grid-community';

const base = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontWeight: 600,
  spacing: 6,
  // Narrower cell padding: identity and the four migration columns fit side by side at 1280×800.
  cellHorizontalPaddingScale: 0.75,
  wrapperBorderRadius: 8,
});

const light = base.withPart(colorSchemeLight).withParams({ accentColor: '#2563eb', headerBackgroundColor: '#f3f5f9' });
const dark = base.withPart(colorSchemeDark).withParams({ accentColor: '#60a5fa', backgroundColor: '#161b22', headerBackgroundColor: '#1d2430', foregroundColor: '#e6e9ef' });

export const gridTheme = (isDark: boolean) => (isDark ? dark : light);
