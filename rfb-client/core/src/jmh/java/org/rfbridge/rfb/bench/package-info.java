// SPDX-License-Identifier: Apache-2.0
/**
 * JMH benchmarks of the library's decoding paths, built only with the Maven profile {@code bench} and run by
 * {@code rfb-client/core/bench/run.sh}; never part of the library jar.
 */
package org.rfbridge.rfb.bench;
