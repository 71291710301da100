/**
 * The layouts' vocabulary: value types other components pass to the layout API and carry in their
 * own messages. Depends on nothing but the JDK.
 */
package jp.linkage.hub.layout.api;
