import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientAddress } from "@/lib/http/client";
import { authorizeCredentials, endSession } from "./login";
import { LONGEST_SESSION_SECONDS } from "./session-rules";

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
  }
}

// Stateless JWT cookie that only carries the id of a UserSession row: the row
// is checked on every request (lib/auth/session.ts), so ending a session in the
// database ends it on every instance.
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: LONGEST_SESSION_SECONDS },
  pages: { signIn: "/connexion", error: "/connexion" },
  logger: {
    // Wrong passwords and stale cookies are expected traffic, not server errors.
    error(error) {
      const name = (error as { type?: string }).type ?? error.name;
      if (name === "CredentialsSignin" || name === "JWTSessionError") return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: async (credentials, request) => {
        const ip = clientAddress(request.headers);
        return authorizeCredentials(credentials, { ip, userAgent: request.headers.get("user-agent") });
      },
    }),
  ],
  events: {
    // next-auth's own /api/auth/signout only clears the cookie: end the
    // session row too, as "Déconnexion" does, so a copy of the cookie is dead.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(sid);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      session.sessionId = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
});
