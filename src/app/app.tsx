import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { Router } from "wouter";
import { ROUTER_BASE } from "../state/base-path";
import { Layout } from "./layout";
import { AppRoutes } from "./routes";
import { NavigationPending, TransitionLocation, useTransitionLocation } from "./transition-location";

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

// `?bench` on the first address loads the benchmark hook (bench/app-bench.ts), a lazy chunk.
const BenchHooks = new URLSearchParams(window.location.search).has("bench") ? lazy(() => import("./bench-hooks")) : null;

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <TransitionLocation>
        <Router base={ROUTER_BASE} hook={useTransitionLocation}>
          <NavigationPending />
          <Layout>
            <AppRoutes />
          </Layout>
          {BenchHooks && (
            <Suspense fallback={null}>
              <BenchHooks />
            </Suspense>
          )}
        </Router>
      </TransitionLocation>
    </QueryClientProvider>
  );
}
