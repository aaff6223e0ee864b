// SPDX-License-Identifier: Apache-2.0
/** Configuration files the proxy re-reads while it runs (token files, TLS certificates). */
package org.rfbridge.proxy.files;
