package io.signdx.source.file.internal.csv;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Turns the cells of one data row into a Graph beta {@code signIn} object. */
interface SignInMapper {

    /** The sign-in of this row; fails with a message naming the column and value at fault. */
    ObjectNode map(String[] cells) throws RowException;
}
