#!/usr/bin/env python3
# usage: python3 src/jmh/jfr_summary.py <(jfr print --stack-depth 64 --events jdk.ExecutionSample DIR/hub.jfr)
import sys, re, collections
# summarise `jfr print --stack-depth 64 --events jdk.ExecutionSample` output:
# (1) by library: each sample goes to the library of its innermost frame outside the JDK;
# (2) inclusive: share of samples with a given part anywhere on the stack
text = open(sys.argv[1]).read()
events = text.split("jdk.ExecutionSample {")[1:]
libs = [("werkbridge privacy gate", "io.werkbridge.privacy"), ("werkbridge records/ledger", "io.werkbridge.messaging.DeliveryRecords"),
        ("werkbridge other", "io.werkbridge"), ("H2", "org.h2."), ("PostgreSQL driver", "org.postgresql"),
        ("HikariCP", "com.zaxxer"), ("Spring JDBC/TX", "org.springframework.jdbc"),
        ("CXF", "org.apache.cxf"), ("Xerces", "org.apache.xerces"), ("JDK XML (Xerces internal)", "com.sun.org.apache"),
        ("JAXB", "org.glassfish.jaxb"), ("Woodstox", "com.ctc.wstx"), ("Spring Security", "org.springframework.security"),
        ("Tomcat", "org.apache.tomcat"), ("Catalina/Coyote", "org.apache.catalina"), ("Coyote", "org.apache.coyote"),
        ("Spring other", "org.springframework"), ("Camel", "org.apache.camel"), ("Artemis", "org.apache.activemq"),
        ("Netty", "io.netty"), ("Jackson", "com.fasterxml.jackson"), ("JSON schema", "com.networknt"),
        ("Micrometer", "io.micrometer"), ("HTTP client (hc5)", "org.apache.hc"), ("Logback", "ch.qos.logback"),
        ("Tink/crypto", "com.google.crypto"), ("Caffeine", "com.github.benmanes")]
inclusive = [("privacy gate (io.werkbridge.privacy)", "io.werkbridge.privacy"),
             ("delivery records writer (DeliveryRecords)", "io.werkbridge.messaging.DeliveryRecords"),
             ("ledger lookup (IdempotentDelivery)", "io.werkbridge.messaging.IdempotentDelivery"),
             ("canonical JSON schema check", "io.werkbridge.model.CanonicalValidator"),
             ("contract-end row (CustomerContracts)", "io.werkbridge.rights.CustomerContracts"),
             ("SOAP edge (CXF anywhere)", "org.apache.cxf"), ("H2 anywhere", "org.h2."), ("PostgreSQL driver anywhere", "org.postgresql"),
             ("HTTP delivery (hc5 anywhere)", "org.apache.hc"), ("Artemis anywhere", "org.apache.activemq")]
n = 0
bylib = collections.Counter(); inc = collections.Counter(); top = collections.Counter()
for e in events:
    frames = re.findall(r"^\s+([\w.$<>]+)\(", e.split("stackTrace = [",1)[-1], re.M)
    if not frames:
        continue
    n += 1
    top[frames[0]] += 1
    lib = "JDK only"
    for f in frames:
        if f.startswith(("java.", "javax.", "jdk.", "sun.")):
            continue
        lib = next((name for name, p in libs if f.startswith(p)), f.rsplit(".", 2)[0])
        break
    bylib[lib] += 1
    joined = "\n".join(frames)
    for name, m in inclusive:
        if m in joined:
            inc[name] += 1
print(f"{n} samples")
print("by library (innermost non-JDK frame):")
for name, c in bylib.most_common(14):
    print(f"  {100*c/n:5.1f} %  {name}")
print("inclusive (anywhere on the stack):")
for name, m in inclusive:
    print(f"  {100*inc[name]/n:5.1f} %  {name}")
print("top frames:")
for f, c in top.most_common(8):
    print(f"  {100*c/n:5.1f} %  {f}")
