/** zengin-code ships no types: banks by 4-digit code, each with branches by 3-digit code. */
declare module 'zengin-code' {
  interface Branch {
    code: string;
    name: string;
    kana: string;
    hira: string;
    roma: string;
  }
  interface Bank extends Branch {
    branches: Record<string, Branch>;
  }
  const banks: Record<string, Bank>;
  export default banks;
}
