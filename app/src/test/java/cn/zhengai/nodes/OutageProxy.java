package cn.zhengai.nodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback between the app nodes and their database, which can drop the database: every open
 * connection is reset and new ones are reset at once, until it is let through again.
 */
final class OutageProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int targetPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean down;

  OutageProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "outage-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Resets every connection and refuses new ones. */
  void cut() {
    down = true;
    open.forEach(OutageProxy::reset);
    open.clear();
  }

  /** Lets connections through again. */
  void restore() {
    down = false;
  }

  @Override
  public void close() throws IOException {
    listener.close();
    cut();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (down) {
          reset(client);
          continue;
        }
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(server);
        relay(client, server);
        relay(server, client);
      } catch (IOException closedOrUnreachable) {
        // the listener was closed, or the database refused: the node sees its connection fail
      }
    }
  }

  private void relay(Socket from, Socket to) {
    Thread pump = new Thread(() -> {
      byte[] buffer = new byte[16384];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int read; (read = in.read(buffer)) >= 0; ) {
          out.write(buffer, 0, read);
        }
      } catch (IOException connectionEnded) {
        // one side closed or was reset
      } finally {
        // one side gone (a killed node, a cut): the other sees its connection end too
        reset(from);
        reset(to);
        open.remove(from);
        open.remove(to);
      }
    }, "outage-proxy-relay");
    pump.setDaemon(true);
    pump.start();
  }

  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
      socket.close();
    } catch (IOException alreadyClosed) {
      // nothing left to reset
    }
  }
}
