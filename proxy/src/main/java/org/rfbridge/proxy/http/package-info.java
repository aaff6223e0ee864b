// SPDX-License-Identifier: Apache-2.0
/**
 * Plain HTTP on the proxy's port: the web viewer's static files (bundled, or a directory as websockify's
 * {@code --web}), a health check, and the error answers every refusal uses.
 */
package org.rfbridge.proxy.http;
