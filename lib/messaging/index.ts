// The mail and SMS layer. Everything else in the app imports from here.
export type { EmailMessage, SmsMessage, EmailContent, EmailProvider, SmsProvider, OutgoingEmail, OutgoingSms } from "./types";
export { MessageDeliveryError } from "./types";
export { sendEmail } from "./email";
export { sendSms } from "./sms";
export { normalizePhone } from "./phone";
export * as templates from "./templates";
export { emailConfirmation, passwordReset, invitation, notification, signatureCode, signupAttemptOnExistingAccount } from "./templates";
