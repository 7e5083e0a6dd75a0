import type { Config } from "tailwindcss";

// Loaded from app/globals.css with @config. Colours of the agency's brand.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}", "./lib/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#eef7f6",
          100: "#d5ecea",
          200: "#aad9d4",
          500: "#1f8a80",
          600: "#18736b",
          700: "#135c56",
          900: "#0b3532",
        },
        accent: { 500: "#e8772e", 600: "#cc6220", 700: "#b5541a" },
      },
      fontFamily: {
        sans: ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "Noto Sans", "sans-serif"],
      },
    },
  },
};

export default config;
