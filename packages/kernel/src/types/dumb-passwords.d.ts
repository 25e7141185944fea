// The package ships no types; this is the part of its API the password policy uses.
declare module 'dumb-passwords' {
  const dumbPasswords: { check(password: string): boolean };
  export default dumbPasswords;
}
