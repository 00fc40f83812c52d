import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's default theme in the province's colours (a deep red and a calm blue). */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    primary: { main: '#b71c1c' },
    secondary: { main: '#1565c0' },
    background: { default: '#f6f7f9' },
  },
  typography: {
    fontFamily: ['"Segoe UI"', 'Roboto', '"Noto Sans"', 'Arial', 'sans-serif'].join(','),
  },
  components: {
    ...defaultTheme.components,
  },
};
