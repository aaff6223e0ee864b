// SPDX-License-Identifier: Apache-2.0
/**
 * The load benchmark: a load client ({@link org.rfbridge.proxy.bench.ProxyLoadBenchmark}) that measures
 * direct TCP, socat, websockify and the rfbridge proxy side by side against one sink/source/echo backend
 * ({@link org.rfbridge.proxy.bench.BenchBackend}, a process of its own). Run it with
 * {@code bash proxy/bench/run.sh}; nothing here is a test, so neither surefire nor failsafe picks it up.
 */
package org.rfbridge.proxy.bench;
