package net.fsgateway.codec;

import java.util.ArrayList;
import net.fsgateway.xmlrpc.FaultCode;
import net.fsgateway.xmlrpc.XArray;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * The depth-indexed state machine that builds one {@code <value>} from element events, with no DOM: one frame per
 * open element, reused across siblings, and one text buffer shared by all frames because only the innermost
 * element's text matters. Every limit is checked at the event that crosses it.
 */
final class ValueBuilder {
  private final CodecLimits limits;
  private final StringBuilder text = new StringBuilder(64);
  private Frame[] frames = new Frame[16];
  private int top = -1;
  private int containers;

  ValueBuilder(CodecLimits limits) {
    this.limits = limits;
  }

  /** True while inside a value started by {@link #beginValue()}. */
  boolean active() {
    return top >= 0;
  }

  void beginValue() {
    push(Tags.VALUE);
  }

  void start(String localName) throws ProtocolException {
    int tag = Tags.of(localName);
    Frame parent = frames[top];
    switch (parent.tag) {
      case Tags.VALUE:
        if (!Tags.isScalar(tag) && tag != Tags.STRUCT && tag != Tags.ARRAY) {
          throw Faults.unexpected(localName, parent.tag);
        }
        if (parent.hasChild) {
          throw Faults.invalid("<value> has more than one child");
        }
        if (!isBlank(text)) {
          throw Faults.invalid("<value> mixes text and elements");
        }
        parent.hasChild = true;
        if ((tag == Tags.STRUCT || tag == Tags.ARRAY) && ++containers > limits.maxDepth()) {
          throw limit("values nested deeper than " + limits.maxDepth());
        }
        break;
      case Tags.STRUCT:
        if (tag != Tags.MEMBER) {
          throw Faults.unexpected(localName, parent.tag);
        }
        if (++parent.count > limits.maxStructMembers()) {
          throw limit("struct has more than " + limits.maxStructMembers() + " members");
        }
        break;
      case Tags.MEMBER:
        if (tag == Tags.NAME ? parent.name != null : tag == Tags.VALUE ? parent.hasChild : true) {
          throw tag == Tags.NAME || tag == Tags.VALUE
              ? Faults.invalid("<member> has more than one <" + localName + ">")
              : Faults.unexpected(localName, parent.tag);
        }
        break;
      case Tags.ARRAY:
        if (tag != Tags.DATA || parent.hasChild) {
          throw Faults.unexpected(localName, parent.tag);
        }
        break;
      case Tags.DATA:
        if (tag != Tags.VALUE) {
          throw Faults.unexpected(localName, parent.tag);
        }
        if (++parent.count > limits.maxArrayItems()) {
          throw limit("array has more than " + limits.maxArrayItems() + " items");
        }
        break;
      default:
        throw Faults.unexpected(localName, parent.tag);
    }
    push(tag);
  }

  void text(char[] chars, int start, int length) throws ProtocolException {
    Frame f = frames[top];
    if (f.tag == Tags.VALUE ? f.hasChild : !Tags.isScalar(f.tag) && f.tag != Tags.NAME) {
      Faults.requireBlank(chars, start, length, f.tag);
    } else if (text.length() + length > limits.maxStringChars()) {
      throw limit("text longer than " + limits.maxStringChars() + " characters");
    } else {
      text.append(chars, start, length);
    }
  }

  /** Closes the innermost element; returns the value when the outermost {@code <value>} closes, else null. */
  XmlRpcValue end() throws ProtocolException {
    Frame f = frames[top--];
    Frame parent = top >= 0 ? frames[top] : null;
    switch (f.tag) {
      case Tags.VALUE:
        XmlRpcValue v = f.hasChild ? f.value : ScalarText.string(text);
        text.setLength(0);
        if (parent == null) {
          return v;
        } else if (parent.tag == Tags.MEMBER) {
          parent.value = v;
          parent.hasChild = true;
        } else {
          parent.items.add(v);
        }
        return null;
      case Tags.NAME:
        parent.name = Utf8Repair.repair(text.toString());
        text.setLength(0);
        return null;
      case Tags.MEMBER:
        if (f.name == null || !f.hasChild) {
          throw Faults.invalid(f.name == null ? "<member> without <name>" : "<member> without <value>");
        }
        parent.members.put(f.name, f.value);
        return null;
      case Tags.STRUCT:
        containers--;
        parent.value = f.members.build();
        return null;
      case Tags.DATA:
        parent.value = new XArray(f.items);
        parent.hasChild = true;
        return null;
      case Tags.ARRAY:
        if (!f.hasChild) {
          throw Faults.invalid("<array> without <data>");
        }
        containers--;
        parent.value = f.value;
        return null;
      default:
        parent.value = ScalarText.read(f.tag, text);
        text.setLength(0);
        return null;
    }
  }

  private void push(int tag) {
    if (++top == frames.length) {
      frames = java.util.Arrays.copyOf(frames, top * 2);
    }
    Frame f = frames[top];
    if (f == null) {
      f = frames[top] = new Frame();
    }
    f.reset(tag);
    text.setLength(0);
  }

  private static boolean isBlank(CharSequence s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (!ScalarText.isSpace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static ProtocolException limit(String message) {
    return new ProtocolException(FaultCode.INVALID_REQUEST, message);
  }

  private static final class Frame {
    int tag;
    int count;
    boolean hasChild;
    String name;
    XmlRpcValue value;
    XStruct.Builder members;
    ArrayList<XmlRpcValue> items;

    void reset(int newTag) {
      tag = newTag;
      count = 0;
      hasChild = false;
      name = null;
      value = null;
      if (tag == Tags.STRUCT) {
        members = XStruct.builder(); // handed to the struct when it ends, so one per struct
      } else if (tag == Tags.DATA) {
        if (items == null) {
          items = new ArrayList<>();
        } else {
          items.clear();
        }
      }
    }
  }
}
