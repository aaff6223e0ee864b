// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code rfb-client} command line tool ({@link org.rfbridge.rfb.cli.RfbCli}): {@code info} and
 * {@code snapshot} on top of {@link org.rfbridge.rfb.client.RfbClient}. The only package that uses picocli.
 */
package org.rfbridge.rfb.cli;
