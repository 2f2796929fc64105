import { createTheme, rem } from '@mantine/core';
import { dadsColors, dadsElevation, dadsFontFamily, dadsFontSize, dadsLineHeight, dadsNeutral, dadsRadius } from './tokens.js';

/**
 * Japanese system fonts only: nothing is fetched from a CDN. DADS names Noto Sans JP first;
 * the rest are what Japanese Windows / macOS / Linux desktops already have.
 */
const sansStack = [
  '"Noto Sans JP"',
  '"Hiragino Sans"',
  '"Hiragino Kaku Gothic ProN"',
  '"Yu Gothic UI"',
  '"Yu Gothic"',
  'YuGothic',
  'Meiryo',
  dadsFontFamily.sans.replace(/'Noto Sans JP',\s*/, ''),
].join(', ');
const monoStack = `${dadsFontFamily.mono.replace(/,\s*monospace$/, '')}, ui-monospace, Consolas, "BIZ UDGothic", monospace`;

/**
 * Mantine theme from the Digital Agency design tokens. Primary is DADS Blue 900 (#0017c1,
 * the DADS key colour; ≈10:1 against white), hover Blue 1000. The token package has no spacing
 * scale, so spacing follows the DADS 8 px grid.
 */
export const theme = createTheme({
  colors: dadsColors,
  primaryColor: 'blue',
  primaryShade: 8,
  white: dadsNeutral.white,
  black: dadsNeutral.text,
  autoContrast: true,
  fontFamily: sansStack,
  fontFamilyMonospace: monoStack,
  fontSizes: {
    xs: dadsFontSize('14'),
    sm: dadsFontSize('16'),
    md: dadsFontSize('16'),
    lg: dadsFontSize('18'),
    xl: dadsFontSize('20'),
  },
  lineHeights: {
    xs: dadsLineHeight('140'),
    sm: dadsLineHeight('150'),
    md: dadsLineHeight('170'),
    lg: dadsLineHeight('170'),
    xl: dadsLineHeight('175'),
  },
  headings: {
    fontFamily: sansStack,
    fontWeight: '700',
    sizes: {
      h1: { fontSize: dadsFontSize('32'), lineHeight: dadsLineHeight('140') },
      h2: { fontSize: dadsFontSize('28'), lineHeight: dadsLineHeight('140') },
      h3: { fontSize: dadsFontSize('24'), lineHeight: dadsLineHeight('150') },
      h4: { fontSize: dadsFontSize('20'), lineHeight: dadsLineHeight('150') },
      h5: { fontSize: dadsFontSize('18'), lineHeight: dadsLineHeight('160') },
      h6: { fontSize: dadsFontSize('16'), lineHeight: dadsLineHeight('170') },
    },
  },
  radius: {
    xs: dadsRadius('4'),
    sm: dadsRadius('6'),
    md: dadsRadius('8'),
    lg: dadsRadius('12'),
    xl: dadsRadius('16'),
  },
  defaultRadius: 'md',
  spacing: {
    xs: rem(8),
    sm: rem(12),
    md: rem(16),
    lg: rem(24),
    xl: rem(40),
  },
  shadows: {
    xs: dadsElevation('1'),
    sm: dadsElevation('2'),
    md: dadsElevation('3'),
    lg: dadsElevation('4'),
    xl: dadsElevation('6'),
  },
  /** DADS focus indicator (black outline + yellow ring) from global.css, on keyboard focus. */
  focusClassName: 'renkei-focus',
  cursorType: 'pointer',
  respectReducedMotion: true,
});
