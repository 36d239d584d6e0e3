/**
 * Demo only (profile {@code demo}): simulated machines so that machine events flow with nothing else running, an
 * OPC UA server on Milo's SDK and, where socat is installed, a press on a virtual serial link.
 */
package io.werkbridge.machine.demo;
