# A real RTSP server for the camera tests: serves an H.264 MP4 as rtsp://127.0.0.1:PORT/cam (GStreamer RTSP server).
# Usage: /usr/bin/python3 rtsp_server.py PORT FILE.mp4   -- prints "ready" once listening; SIGTERM stops it.
import sys
import gi
gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import Gst, GstRtspServer, GLib

Gst.init(None)
server = GstRtspServer.RTSPServer()
server.set_address("127.0.0.1")
server.set_service(sys.argv[1])
factory = GstRtspServer.RTSPMediaFactory()
factory.set_launch("( filesrc location=%s ! qtdemux ! h264parse ! rtph264pay name=pay0 pt=96 config-interval=1 )"
                   % sys.argv[2])
factory.set_shared(True)
server.get_mount_points().add_factory("/cam", factory)
if server.attach(None) == 0:
    sys.exit("cannot listen on 127.0.0.1:%s" % sys.argv[1])
print("ready", flush=True)
GLib.MainLoop().run()
