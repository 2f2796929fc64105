import tokens from '@digital-go-jp/design-tokens';
import type { MantineColorsTuple } from '@mantine/core';

/** Digital Agency (デジタル庁) design tokens, reduced to the plain values the theme needs. */
type Token = { $value?: unknown };
type Scale = Record<string, Token>;

const value = (token: Token | undefined): string => {
  if (typeof token?.$value !== 'string') throw new Error('design token without a string value');
  return token.$value;
};

/** Pick ten steps of a DADS scale (50…1200) as a Mantine colour tuple (index 0 = lightest). */
function tuple(scale: Scale, steps: readonly string[]): MantineColorsTuple {
  if (steps.length !== 10) throw new Error('a Mantine colour needs exactly ten shades');
  return steps.map((step) => value(scale[step])) as unknown as MantineColorsTuple;
}

/**
 * Ten of the thirteen DADS steps (600, 1100 and 1200 left out) so that index 8 is step 900 —
 * for blue the DADS key colour #0017c1 — and index 9 (Mantine's hover shade) is step 1000.
 */
const CHROMA_STEPS = ['50', '100', '200', '300', '400', '500', '700', '800', '900', '1000'];

const { Primitive, Neutral } = tokens.Color;

export const dadsColors = {
  blue: tuple(Primitive.Blue, CHROMA_STEPS),
  lightBlue: tuple(Primitive.LightBlue, CHROMA_STEPS),
  cyan: tuple(Primitive.Cyan, CHROMA_STEPS),
  green: tuple(Primitive.Green, CHROMA_STEPS),
  lime: tuple(Primitive.Lime, CHROMA_STEPS),
  yellow: tuple(Primitive.Yellow, CHROMA_STEPS),
  orange: tuple(Primitive.Orange, CHROMA_STEPS),
  red: tuple(Primitive.Red, CHROMA_STEPS),
  magenta: tuple(Primitive.Magenta, CHROMA_STEPS),
  purple: tuple(Primitive.Purple, CHROMA_STEPS),
  /**
   * Index 4 (borders) is solid-gray-420, the lightest grey with 3:1 against white;
   * index 5 (placeholders) is 536 with 4.5:1; index 6 (dimmed text) is 600.
   */
  gray: tuple(Neutral.SolidGray, ['50', '100', '200', '300', '420', '536', '600', '700', '800', '900']),
} as const;

export const dadsNeutral = {
  white: value(Neutral.White),
  black: value(Neutral.Black),
  text: value(Neutral.SolidGray['800']),
};

export const dadsFontSize = (size: keyof typeof tokens.FontSize): string => value(tokens.FontSize[size]);
export const dadsLineHeight = (lh: keyof typeof tokens.LineHeight): string => String(tokens.LineHeight[lh].$value);
export const dadsRadius = (r: keyof typeof tokens.BorderRadius): string => value(tokens.BorderRadius[r]);
export const dadsElevation = (e: keyof typeof tokens.Elevation): string => value(tokens.Elevation[e]);
export const dadsFontFamily = {
  sans: value(tokens.FontFamily.Sans),
  mono: value(tokens.FontFamily.Mono),
};
